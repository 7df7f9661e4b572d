import http from "node:http"
import type { AddressInfo } from "node:net"

export interface ReceivedRequest {
  method: string | undefined
  headers: http.IncomingHttpHeaders
  body: string
}

export interface ErpTestServer {
  url: string
  received: ReceivedRequest[]
  close(): Promise<void>
}

/** A real HTTP server on 127.0.0.1; `respond` decides the answer (or never answers). */
export async function startErpTestServer(
  respond: (req: ReceivedRequest, res: http.ServerResponse) => void
): Promise<ErpTestServer> {
  const received: ReceivedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const request = {
        method: req.method,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      }
      received.push(request)
      respond(request, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/erp/orders?token=query-secret`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // fetch keeps connections alive; drop them so close() returns and jest can exit.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on: bind, read the port, close. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/erp/orders`
}

/**
 * Answers with `totalBytes` of JSON-ish filler in 64 KiB chunks, honouring back-pressure, and stops
 * when the client goes away. Resolves with the bytes actually handed to the socket.
 */
export function streamFiller(res: http.ServerResponse, status: number, totalBytes: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, "x")
  let sent = 0
  res.writeHead(status, { "content-type": "application/json", "content-length": String(totalBytes) })
  return new Promise((resolve) => {
    const done = () => resolve(sent)
    res.on("close", done)
    const pump = () => {
      while (sent < totalBytes && !res.destroyed) {
        const size = Math.min(chunk.length, totalBytes - sent)
        sent += size
        if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          res.once("drain", pump)
          return
        }
      }
      if (sent >= totalBytes) {
        res.end()
      }
    }
    pump()
  })
}
