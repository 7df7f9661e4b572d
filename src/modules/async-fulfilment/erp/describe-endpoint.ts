/**
 * Origin and path of a URL, for error messages and logs: the query string and
 * any user:password part may hold credentials, so they are left out.
 */
export function describeEndpoint(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return "<invalid ERP url>"
  }
}
