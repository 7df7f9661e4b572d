import { parseAsyncFulfilmentOptions } from "../parse-options"
import { enabledSideEffectKinds } from "../enabled-kinds"
import { TEST_SELLER } from "./__fixtures__/test-seller"

const valid = {
  redisUrl: "redis://127.0.0.1:6379/2",
  smtp: { host: "smtp.example.com", port: 587, from: "Shop <orders@shop.example>" },
  erp: { url: "https://erp.example.com/api/orders", secret: "0123456789abcdef0123" },
  invoice: { seller: TEST_SELLER },
}

const messageFor = (options: unknown) => {
  try {
    parseAsyncFulfilmentOptions(options)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error("the options were accepted")
}

describe("parseAsyncFulfilmentOptions", () => {
  it("fills every default a store may leave out", () => {
    const options = parseAsyncFulfilmentOptions(valid)
    expect(options.queuePrefix).toBe("async-fulfilment")
    expect(options.jobs.invoice).toEqual({ attempts: 5, backoffMs: 2_000, concurrency: 2 })
    expect(options.jobs.erp.attempts).toBe(10)
    expect(options.erp.timeoutMs).toBe(10_000)
    expect(options.invoice).toMatchObject({ numberPrefix: "INV-", yearlySequence: true, numberPadding: 6 })
    expect(options.smtp.pool).toBe(true)
  })

  it("keeps what the store set and fills the rest of a partly given job kind", () => {
    const options = parseAsyncFulfilmentOptions({ ...valid, jobs: { erp: { attempts: 3 } } })
    expect(options.jobs.erp).toEqual({ attempts: 3, backoffMs: 5_000, concurrency: 5 })
    expect(options.jobs.mail.attempts).toBe(8)
  })

  it("turns the mail off, not the boot, when no SMTP server is configured", () => {
    const { smtp: _none, ...withoutSmtp } = valid
    const options = parseAsyncFulfilmentOptions(withoutSmtp)
    expect(options.smtp).toBeUndefined()
    expect(enabledSideEffectKinds(options)).toEqual(["invoice", "erp"])
    expect(enabledSideEffectKinds(parseAsyncFulfilmentOptions(valid))).toEqual(["invoice", "mail", "erp"])
  })

  it("ignores the database settings Medusa adds to every module's options", () => {
    expect(() => parseAsyncFulfilmentOptions({ ...valid, database: { clientUrl: "postgres://x" } })).not.toThrow()
  })

  it.each([
    ["a missing redisUrl", { ...valid, redisUrl: undefined }, "`redisUrl`"],
    ["an http redisUrl", { ...valid, redisUrl: "http://localhost" }, "`redisUrl`: must be a redis://"],
    ["a port that is a string", { ...valid, smtp: { ...valid.smtp, port: "587" } }, "`smtp.port`"],
    ["a short ERP secret", { ...valid, erp: { ...valid.erp, secret: "short" } }, "`erp.secret`: must be at least 16"],
    ["an ERP url without scheme", { ...valid, erp: { ...valid.erp, url: "erp.local/orders" } }, "`erp.url`"],
    ["zero attempts", { ...valid, jobs: { mail: { attempts: 0 } } }, "`jobs.mail.attempts`"],
    ["a seller without name", { ...valid, invoice: { seller: { address: "x" } } }, "`invoice.seller.name`"],
    ["a colon in the queue prefix", { ...valid, queuePrefix: "a:b" }, "`queuePrefix`: must not contain colons"],
    ["a font file that does not exist", { ...valid, invoice: { ...valid.invoice, fonts: { regular: "/nope.ttf", bold: "/nope-bold.ttf" } } }, "`invoice.fonts.regular`: no such font file"],
    ["a storefront order URL without {order_id}", { ...valid, storefront: { orderUrl: "https://shop.example/orders" } }, "`storefront.orderUrl`: must contain {order_id}"],
    ["a misspelt option", { ...valid, redisURL: "redis://x" }, "redisURL"],
    ["a short metrics token", { ...valid, metrics: { token: "x".repeat(31) } }, "`metrics.token`: must be at least 32 characters"],
    ["a metrics token with a space", { ...valid, metrics: { token: `${"x".repeat(32)} y` } }, "`metrics.token`: must not contain spaces"],
    ["metrics without a token", { ...valid, metrics: {} }, "`metrics.token`"],
  ])("names the option at fault for %s", (_case, options, expected) => {
    const message = messageFor(options)
    expect(message).toContain("medusa-plugin-async-fulfilment: invalid options")
    expect(message).toContain(expected)
  })

  describe("transport security", () => {
    const erpAt = (url: string, more: Record<string, unknown> = {}) => ({ ...valid, erp: { ...valid.erp, url, ...more } })

    it.each(["http://erp.example.com/orders", "http://10.0.0.7:8080/orders", "http://[fd00::7]/orders"])(
      "refuses the boot with an http:// ERP url on a host that is not loopback (%s)",
      (url) => {
        const message = messageFor(erpAt(url))
        expect(message).toContain("`erp.url`: http:// sends the order documents unencrypted")
        expect(message).toContain("erp.allowInsecureHttp")
      }
    )

    it.each(["http://127.0.0.1:4010/orders", "http://localhost:4010/orders", "http://[::1]:4010/orders", "https://erp.example.com/orders"])(
      "accepts %s",
      (url) => {
        expect(parseAsyncFulfilmentOptions(erpAt(url)).erp).toMatchObject({ url, allowInsecureHttp: false })
      }
    )

    it("accepts a remote http:// ERP url when the store says so with erp.allowInsecureHttp", () => {
      const options = parseAsyncFulfilmentOptions(erpAt("http://erp.internal/orders", { allowInsecureHttp: true }))
      expect(options.erp.allowInsecureHttp).toBe(true)
    })

    it("keeps smtp.requireTLS unset unless given (the transport defaults it by host) and refuses a non-boolean", () => {
      expect(parseAsyncFulfilmentOptions(valid).smtp?.requireTLS).toBeUndefined()
      expect(parseAsyncFulfilmentOptions({ ...valid, smtp: { ...valid.smtp, requireTLS: false } }).smtp?.requireTLS).toBe(false)
      expect(messageFor({ ...valid, smtp: { ...valid.smtp, requireTLS: "yes" } })).toContain("`smtp.requireTLS`")
    })
  })

  it("keeps order snapshots' personal fields unless retention.orderSnapshots (days) says otherwise", () => {
    expect(parseAsyncFulfilmentOptions(valid).retention.orderSnapshots).toBeUndefined()
    expect(parseAsyncFulfilmentOptions({ ...valid, retention: { orderSnapshots: 400 } }).retention).toMatchObject({
      orderSnapshots: 400,
      failed: { ageSeconds: 30 * 24 * 3600 },
    })
    expect(messageFor({ ...valid, retention: { orderSnapshots: 0 } })).toContain("`retention.orderSnapshots`")
  })

  it("takes a metrics token of 32 characters, and leaves metrics off without one", () => {
    const token = "0123456789abcdef0123456789abcdef"
    expect(parseAsyncFulfilmentOptions({ ...valid, metrics: { token } }).metrics).toEqual({ token })
    expect(parseAsyncFulfilmentOptions(valid).metrics).toBeUndefined()
  })

  it("lists every problem at once", () => {
    const message = messageFor({ redisUrl: "redis://x" })
    expect(message).toContain("`erp`")
    expect(message).toContain("`invoice`")
  })
})
