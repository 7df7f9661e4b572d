import http from "http"
import type { AddressInfo } from "net"

/**
 * A real HTTP server standing in for a chat webhook (Slack's incoming webhooks and the like):
 * keeps every JSON body it is posted. `close()` then `listen()` again on the same port is a
 * webhook that was down and came back.
 */
export class AlertWebhook {
  readonly posts: any[] = []
  protected port_ = 0
  protected server_: http.Server | null = null

  get url(): string {
    return `http://127.0.0.1:${this.port_}/alerts`
  }

  listen(port = this.port_): Promise<number> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        this.posts.push(JSON.parse(Buffer.concat(chunks).toString("utf8")))
        res.writeHead(200, { "content-type": "text/plain" })
        res.end("ok")
      })
    })
    this.server_ = server
    return new Promise((resolve, reject) => {
      server.once("error", reject)
      server.listen(port, "127.0.0.1", () => {
        this.port_ = (server.address() as AddressInfo).port
        resolve(this.port_)
      })
    })
  }

  close(): Promise<void> {
    const server = this.server_
    this.server_ = null
    if (!server) {
      return Promise.resolve()
    }
    server.closeAllConnections()
    return new Promise((resolve) => server.close(() => resolve()))
  }
}
