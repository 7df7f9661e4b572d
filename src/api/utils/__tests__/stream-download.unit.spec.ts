import http from "http"
import type { AddressInfo } from "net"
import { Readable } from "stream"
import { openDownload, sendDownload } from "../stream-download"
import { FileOpenTimeoutError } from "../../../modules/async-fulfilment/errors/file-open-timeout-error"

/** A file that never ends: a large PDF on slow storage, one chunk every 10 ms. */
const endlessFile = () => {
  let timer: NodeJS.Timeout | undefined
  const source = new Readable({
    read() {
      timer ??= setInterval(() => this.push(Buffer.alloc(16 * 1024, 0x25)), 10)
    },
    destroy(error, callback) {
      clearInterval(timer)
      callback(error)
    },
  })
  return source
}

const waitUntil = async (what: string, check: () => boolean, ms = 2_000) => {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe("invoice downloads", () => {
  let server: http.Server
  let source: Readable

  afterEach(async () => {
    source?.destroy()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  })

  it("destroys the source when the client aborts the download", async () => {
    source = endlessFile()
    server = http.createServer(async (_req, res) => {
      const stream = await openDownload(async () => source, "a test file")
      res.setHeader("content-type", "application/pdf")
      await sendDownload(stream, res)
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as AddressInfo

    await new Promise<void>((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port, path: "/" }, (response) => {
        response.once("data", () => {
          request.destroy()
          resolve()
        })
      })
      request.on("error", () => undefined)
      request.setTimeout(2_000, () => reject(new Error("no first byte")))
    })
    await waitUntil("the source to be destroyed", () => source.destroyed)
    expect(source.destroyed).toBe(true)
  })

  it("gives up on a file that does not open in time, and destroys it when it opens late", async () => {
    source = endlessFile()
    let openedLate!: () => void
    const late = new Promise<Readable>((resolve) => (openedLate = () => resolve(source)))
    const started = Date.now()
    await expect(openDownload(() => late, "the invoice PDF of order order_1", 100)).rejects.toThrow(
      new FileOpenTimeoutError("the invoice PDF of order order_1", 100)
    )
    expect(Date.now() - started).toBeLessThan(1_000)
    openedLate()
    await waitUntil("the late stream to be destroyed", () => source.destroyed)
  })

  it("gives up on a stream that opened but sends no first byte in time", async () => {
    source = new Readable({ read() {} })
    const error = await openDownload(async () => source, "a stalled file", 100).catch((e) => e)
    expect(error).toBeInstanceOf(FileOpenTimeoutError)
    expect(error.statusCode).toBe(504)
    expect(source.destroyed).toBe(true)
  })

  it("fails before any header when the file cannot be read", async () => {
    source = new Readable({
      read() {
        this.destroy(new Error("ENOENT: no such file"))
      },
    })
    await expect(openDownload(async () => source, "a missing file")).rejects.toThrow("ENOENT")
  })
})
