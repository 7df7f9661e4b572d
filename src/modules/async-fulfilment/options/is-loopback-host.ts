import { isIP } from "node:net"

/**
 * True for names and addresses that never leave the machine: `localhost` (and `*.localhost`),
 * 127.0.0.0/8 and ::1. A URL's IPv6 host comes in brackets (`[::1]`); both forms are accepted.
 * Only these may skip transport security by default: nobody can sit between the two ends.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "")
  if (name === "localhost" || name.endsWith(".localhost")) {
    return true
  }
  const family = isIP(name)
  if (family === 4) {
    return name.startsWith("127.")
  }
  if (family === 6) {
    return name === "::1" || name === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(name)
  }
  return false
}
