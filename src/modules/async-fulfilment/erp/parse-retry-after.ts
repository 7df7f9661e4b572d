/**
 * Retry-After in milliseconds: either delay-seconds ("2") or an HTTP date.
 * Undefined when the header is absent or unreadable; never negative.
 */
export function parseRetryAfterMs(
  value: string | null,
  now: number = Date.now()
): number | undefined {
  if (value === null) {
    return undefined
  }
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000
  }
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
