import { signErpBody, verifyErpSignature } from "../sign-erp-request"

const secret = "whsec_test"
const body = JSON.stringify({ order_id: "order_01", total: "12.50" })
const now = 1_741_944_413

describe("signErpBody / verifyErpSignature", () => {
  it("produces t=<ts>,v1=<hex> that verifies", () => {
    const { header } = signErpBody(body, secret, now)

    expect(header).toMatch(/^t=1741944413,v1=[0-9a-f]{64}$/)
    expect(verifyErpSignature(body, header, secret, { now })).toBe(true)
  })

  it("accepts a timestamp within the tolerance", () => {
    const { header } = signErpBody(body, secret, now - 299)
    expect(verifyErpSignature(body, header, secret, { now })).toBe(true)
  })

  it("rejects a stale timestamp (replay)", () => {
    const { header } = signErpBody(body, secret, now - 301)
    expect(verifyErpSignature(body, header, secret, { now })).toBe(false)
    expect(verifyErpSignature(body, header, secret, { now, toleranceSeconds: 600 })).toBe(true)
  })

  it("rejects a timestamp from the future beyond the tolerance", () => {
    const { header } = signErpBody(body, secret, now + 301)
    expect(verifyErpSignature(body, header, secret, { now })).toBe(false)
  })

  it("rejects a tampered body", () => {
    const { header } = signErpBody(body, secret, now)
    const tampered = body.replace("12.50", "1.25")
    expect(verifyErpSignature(tampered, header, secret, { now })).toBe(false)
  })

  it("rejects a swapped timestamp, a wrong secret and malformed headers", () => {
    const { header } = signErpBody(body, secret, now)
    const swapped = header.replace(`t=${now}`, `t=${now - 1}`)

    expect(verifyErpSignature(body, swapped, secret, { now })).toBe(false)
    expect(verifyErpSignature(body, header, "other", { now })).toBe(false)
    expect(verifyErpSignature(body, undefined, secret, { now })).toBe(false)
    expect(verifyErpSignature(body, "", secret, { now })).toBe(false)
    expect(verifyErpSignature(body, `t=${now},v1=abc`, secret, { now })).toBe(false)
    expect(verifyErpSignature(body, "v1=" + "0".repeat(64), secret, { now })).toBe(false)
  })

  it("accepts any matching v1 while secrets rotate", () => {
    const { header } = signErpBody(body, secret, now)
    const { header: oldHeader } = signErpBody(body, "old-secret", now)
    const both = `${header},${oldHeader.split(",")[1]}`

    expect(verifyErpSignature(body, both, "old-secret", { now })).toBe(true)
    expect(verifyErpSignature(body, both, secret, { now })).toBe(true)
  })

  describe("v2: the Idempotency-Key is signed too", () => {
    const key = "erp-order_01"

    it("produces t=<ts>,v1=<hex>,v2=<hex>; v2 verifies with the key the request carried", () => {
      const { header } = signErpBody(body, secret, now, key)

      expect(header).toMatch(/^t=1741944413,v1=[0-9a-f]{64},v2=[0-9a-f]{64}$/)
      expect(verifyErpSignature(body, header, secret, { now, idempotencyKey: key })).toBe(true)
    })

    it("fails a replay of a captured request under a new Idempotency-Key, within the tolerance", () => {
      const { header } = signErpBody(body, secret, now, key)

      expect(verifyErpSignature(body, header, secret, { now: now + 10, idempotencyKey: "erp-order_01-replayed" })).toBe(false)
      expect(verifyErpSignature(body, header, secret, { now: now + 10, idempotencyKey: "" })).toBe(false)
      expect(verifyErpSignature(body, header, secret, { now: now + 10, idempotencyKey: null })).toBe(false)
      // what v2 closes: v1 alone does not bind the key, so the same replay passes it
      expect(verifyErpSignature(body, header, secret, { now: now + 10 })).toBe(true)
    })

    it("does not take a v1 for a v2, nor a v2 signed over another body or time", () => {
      const v1Only = signErpBody(body, secret, now).header
      const { header } = signErpBody(body, secret, now, key)

      expect(verifyErpSignature(body, v1Only, secret, { now, idempotencyKey: key })).toBe(false)
      expect(verifyErpSignature(body + " ", header, secret, { now, idempotencyKey: key })).toBe(false)
      expect(verifyErpSignature(body, header.replace(`t=${now}`, `t=${now - 1}`), secret, { now, idempotencyKey: key })).toBe(false)
      expect(verifyErpSignature(body, header, secret, { now: now + 301, idempotencyKey: key })).toBe(false)
    })

    it("answers false, never throws, on entries of the wrong length", () => {
      const { header } = signErpBody(body, secret, now, key)
      const short = `t=${now},v1=abcd,v2=abcd`

      expect(() => verifyErpSignature(body, short, secret, { now, idempotencyKey: key })).not.toThrow()
      expect(verifyErpSignature(body, short, secret, { now, idempotencyKey: key })).toBe(false)
      expect(verifyErpSignature(body, short, secret, { now })).toBe(false)
      expect(verifyErpSignature(body, `${header},v2=${"a".repeat(66)}`, secret, { now, idempotencyKey: key })).toBe(true)
    })
  })
})
