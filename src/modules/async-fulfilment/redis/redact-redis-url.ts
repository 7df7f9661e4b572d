const SECRET_PARAMS = /^(password|pass|pwd|auth)$/i
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * A Redis URL fit for messages and logs: the password (`user:secret@`, `secret@`) and any
 * `?password=` style parameter become `***`. Parsed as a URL; when that fails or leaves an `@`
 * outside the user part (a password with an unencoded `/`, `?` or `#` ends the host early), the
 * whole part before the last `@` is treated as credentials instead: too much hidden, never too little.
 */
export function redactRedisUrl(url: string): string {
  return redactParsed(url) ?? redactByShape(url)
}

function redactParsed(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (`${parsed.pathname}${parsed.search}${parsed.hash}`.includes("@") && !onlyInSecretParams(parsed)) {
    return null
  }
  if (parsed.password) {
    parsed.password = "***"
  } else if (parsed.username) {
    // `redis://secret@host`: a lone user part is often the password (Redis before ACLs)
    parsed.username = "***"
  }
  for (const key of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAMS.test(key)) {
      parsed.searchParams.set(key, "***")
    }
  }
  return parsed.toString()
}

/** `?password=p@ss`: the `@` is the secret's own and goes with it. */
function onlyInSecretParams(parsed: URL): boolean {
  const outsideParams = `${parsed.pathname}${parsed.hash}`
  const otherParams = [...parsed.searchParams].filter(([key]) => !SECRET_PARAMS.test(key))
  return !outsideParams.includes("@") && otherParams.every(([key, value]) => !`${key}${value}`.includes("@"))
}

function redactByShape(url: string): string {
  const scheme = SCHEME.exec(url)?.[0] ?? ""
  const rest = url
    .slice(scheme.length)
    .replace(/([?&](?:password|pass|pwd|auth)=)[^&#]*/gi, "$1***")
  const at = rest.lastIndexOf("@")
  if (at === -1) {
    return `${scheme}${rest}`
  }
  const userinfo = rest.slice(0, at)
  const colon = userinfo.indexOf(":")
  return `${scheme}${colon === -1 ? "***" : `${userinfo.slice(0, colon)}:***`}${rest.slice(at)}`
}
