import { buildErpDocument } from "../build-erp-document"
import { ErpClient, ERP_USER_AGENT } from "../erp-client"
import { ErpRejectedError } from "../../errors/erp-rejected-error"
import { ErpRetryableError } from "../../errors/erp-retryable-error"
import { ERP_IDEMPOTENCY_HEADER, ERP_SIGNATURE_HEADER, verifyErpSignature } from "../sign-erp-request"
import { ErpResponseTooLargeError } from "../../errors/erp-response-too-large-error"
import { closedPortUrl, ErpTestServer, startErpTestServer, streamFiller } from "./__fixtures__/erp-test-server"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"

const secret = "whsec_test_secret"
const doc = buildErpDocument(makeOrderDocument())

describe("ErpClient", () => {
  let server: ErpTestServer | undefined

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  const clientFor = (url: string, timeoutMs = 2_000) => new ErpClient({ url, secret, timeoutMs })

  async function sendExpectingError(client: ErpClient): Promise<Error> {
    const error = await client.send(doc, "order_01TEST:erp").then(
      () => undefined,
      (e: Error) => e
    )
    if (!error) {
      throw new Error("expected send() to fail")
    }
    return error
  }

  it("posts the signed JSON document and returns the ERP's reference", async () => {
    server = await startErpTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "ERP-77" }))
    })

    const result = await clientFor(server.url).send(doc, "order_01TEST:erp")

    expect(result).toEqual({ status: 200, reference: "ERP-77", body: { id: "ERP-77" } })
    const [request] = server.received
    expect(request.method).toBe("POST")
    expect(request.headers["content-type"]).toBe("application/json")
    expect(request.headers["user-agent"]).toBe(ERP_USER_AGENT)
    expect(request.headers[ERP_IDEMPOTENCY_HEADER]).toBe("order_01TEST:erp")
    expect(JSON.parse(request.body)).toEqual(doc)
    expect(JSON.parse(request.body).totals.total).toBe("17.70")
    const signature = request.headers[ERP_SIGNATURE_HEADER] as string
    expect(verifyErpSignature(request.body, signature, secret)).toBe(true)
    expect(verifyErpSignature(request.body, signature, "wrong-secret")).toBe(false)
    expect(verifyErpSignature(request.body, signature, secret, { idempotencyKey: "order_01TEST:erp" })).toBe(true)
    expect(verifyErpSignature(request.body, signature, secret, { idempotencyKey: "order_01TEST:erp-2" })).toBe(false)
  })

  it("falls back to body.reference, and accepts non-JSON 2xx bodies", async () => {
    const answers = [
      (res: import("node:http").ServerResponse) =>
        res.writeHead(201, { "content-type": "application/json" }).end('{"reference":"R-1"}'),
      (res: import("node:http").ServerResponse) => res.writeHead(202).end("queued"),
    ]
    server = await startErpTestServer((_req, res) => answers.shift()!(res))
    const client = clientFor(server.url)

    await expect(client.send(doc, "k")).resolves.toEqual({
      status: 201,
      reference: "R-1",
      body: { reference: "R-1" },
    })
    await expect(client.send(doc, "k")).resolves.toEqual({ status: 202, reference: null, body: "queued" })
  })

  it("503 is retryable and the message names status and endpoint without the query string", async () => {
    server = await startErpTestServer((_req, res) => res.writeHead(503).end("down"))

    const error = await sendExpectingError(clientFor(server.url))

    expect(error).toBeInstanceOf(ErpRetryableError)
    expect(error.name).toBe("ErpRetryableError")
    expect((error as ErpRetryableError).status).toBe(503)
    expect(error.message).toContain("503")
    expect(error.message).toContain("/erp/orders")
    expect(error.message).not.toContain("query-secret")
    expect(error.message).not.toContain(secret)
  })

  it("429 with Retry-After: 2 is retryable after 2000 ms", async () => {
    server = await startErpTestServer((_req, res) => res.writeHead(429, { "retry-after": "2" }).end())

    const error = await sendExpectingError(clientFor(server.url))

    expect(error).toBeInstanceOf(ErpRetryableError)
    expect((error as ErpRetryableError).status).toBe(429)
    expect((error as ErpRetryableError).retryAfterMs).toBe(2000)
  })

  it("422 is rejected, with status and a body excerpt capped at 500 chars", async () => {
    const reason = JSON.stringify({ error: "unknown sku DE-1", padding: "x".repeat(1000) })
    server = await startErpTestServer((_req, res) => res.writeHead(422).end(reason))

    const error = await sendExpectingError(clientFor(server.url))

    expect(error).toBeInstanceOf(ErpRejectedError)
    expect(error.name).toBe("ErpRejectedError")
    const rejected = error as ErpRejectedError
    expect(rejected.status).toBe(422)
    expect(rejected.bodyExcerpt).toContain("unknown sku DE-1")
    expect(rejected.bodyExcerpt).toHaveLength(500)
    expect(error.message).toContain("422")
    expect(error.message).toContain("/erp/orders")
    expect(error.message).not.toContain("query-secret")
  })

  it("redacts e-mail addresses from the rejection's excerpt, the message included", async () => {
    const reason = JSON.stringify({ error: "customer ada.lovelace+shop@example.co.uk already exists", contact: "Ada <ada@example.com>" })
    server = await startErpTestServer((_req, res) => res.writeHead(409).end(reason))

    const error = (await sendExpectingError(clientFor(server.url))) as ErpRejectedError

    expect(error.bodyExcerpt).toContain("customer [address] already exists")
    expect(error.message).not.toMatch(/ada\.lovelace|ada@example/)
    expect(error.message).toContain("[address]")
  })

  it("stops reading a 2xx body beyond 64 KiB: 'response too large', and the download is cancelled", async () => {
    let sent: Promise<number> | undefined
    server = await startErpTestServer((_req, res) => {
      sent = streamFiller(res, 200, 200 * 1024 * 1024)
    })

    const error = await sendExpectingError(clientFor(server.url, 10_000))

    expect(error).toBeInstanceOf(ErpResponseTooLargeError)
    expect(error.message).toContain("ERP response too large")
    expect(error.message).toContain("HTTP 200")
    expect(error.message).not.toContain("query-secret")
    // the server saw the client go away long before 200 MB (what sits in socket buffers aside)
    expect(await sent).toBeLessThan(20 * 1024 * 1024)
  })

  it("keeps the status of a huge error body and quotes at most 500 chars of it", async () => {
    server = await startErpTestServer((_req, res) => void streamFiller(res, 502, 50 * 1024 * 1024))

    const error = await sendExpectingError(clientFor(server.url, 10_000))

    expect(error).toBeInstanceOf(ErpRetryableError)
    expect((error as ErpRetryableError).status).toBe(502)
  })

  it("a redirect is not followed and counts as rejected", async () => {
    server = await startErpTestServer((_req, res) =>
      res.writeHead(307, { location: "http://127.0.0.1:1/elsewhere" }).end()
    )

    const error = await sendExpectingError(clientFor(server.url))

    expect(error).toBeInstanceOf(ErpRejectedError)
    expect((error as ErpRejectedError).status).toBe(307)
    expect(server.received).toHaveLength(1)
  })

  it("a server that never answers times out as retryable", async () => {
    server = await startErpTestServer(() => {
      /* never answer */
    })

    const error = await sendExpectingError(clientFor(server.url, 200))

    expect(error).toBeInstanceOf(ErpRetryableError)
    expect(error.message).toMatch(/timeout/i)
    expect((error as ErpRetryableError).status).toBeUndefined()
  })

  it("connection refused is retryable", async () => {
    const error = await sendExpectingError(clientFor(await closedPortUrl()))

    expect(error).toBeInstanceOf(ErpRetryableError)
    expect(error.message).toContain("ECONNREFUSED")
    expect((error as ErpRetryableError).status).toBeUndefined()
  })

  it("refuses unusable URLs up front, without echoing them", () => {
    const make = (url: string) => () => new ErpClient({ url, secret, timeoutMs: 1_000 })

    expect(make("not a url")).toThrow("not a valid URL")
    expect(make("ftp://erp.example/orders")).toThrow("http or https")
    expect(make("https://user:hunter2@erp.example/orders")).toThrow(/credentials/)
    expect(make("https://user:hunter2@erp.example/orders")).not.toThrow(/hunter2/)
  })
})
