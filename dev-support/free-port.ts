import { execFileSync } from "child_process"
import { readFileSync } from "fs"

/** The first port the kernel hands to outgoing connections (Linux: ip_local_port_range), 32768 elsewhere. */
function firstEphemeralPort(): number {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number)
    return Number.isInteger(low) && low > 11_000 ? low : 32_768
  } catch {
    return 32_768
  }
}

/**
 * A free TCP port, found synchronously: the app reads its config before any hook runs. It is
 * taken below the ephemeral range: a port the kernel picked (`listen(0)`) is one it also gives
 * to outgoing connections, so between this call and the server's `listen` (seconds later, after
 * a store has booted) a client socket of a test running beside this one could hold it
 * (EADDRINUSE), and a server closed to play "down" could find it taken when it comes back.
 */
export function freePort(): number {
  const below = firstEphemeralPort()
  const script = `
    const net = require("net")
    const low = 10000, high = ${below - 1}
    const attempt = (left) => {
      const port = low + Math.floor(Math.random() * (high - low + 1))
      const server = net.createServer()
      server.once("error", () => (left > 0 ? attempt(left - 1) : process.exit(1)))
      server.listen(port, "127.0.0.1", () => server.close(() => process.stdout.write(String(port))))
    }
    attempt(50)`
  const port = Number(execFileSync(process.execPath, ["-e", script]).toString())
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error("freePort: no free port found below the ephemeral range")
  }
  return port
}
