import { parseAsyncFulfilmentOptions } from "../../options"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"
import { assessRiskReview } from "../assess-risk-review"
import { TEST_SELLER } from "../../options/__tests__/__fixtures__/test-seller"

const options = parseAsyncFulfilmentOptions({
  redisUrl: "redis://127.0.0.1:6379",
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
  riskReview: {
    thresholds: { pln: 10_000, eur: 2_500 },
    b2b: { customerGroupIds: ["cusgroup_b2b"], metadataKey: "b2b" },
  },
}).riskReview!

const order = (total: number, currency: string, extra: Parameters<typeof makeOrderDocument>[0] = {}) => {
  const base = makeOrderDocument({ currency_code: currency, ...extra })
  return { ...base, totals: { ...base.totals, total } }
}
const company = { ...makeOrderDocument().billing_address!, company: "Nowak Meble Sp. z o.o." }

describe("assessRiskReview", () => {
  it("reviews a B2B order at or over its currency's threshold", () => {
    expect(assessRiskReview(order(10_000, "pln", { billing_address: company }), options)).toEqual({
      review: true,
      b2b_reasons: ["company_name"],
      amount: 10_000,
      currency_code: "pln",
      threshold: 10_000,
      held_kinds: ["invoice", "mail", "erp"],
    })
  })

  it("holds only the configured side effects, and the mail with a held invoice", () => {
    const holdErp = parseAsyncFulfilmentOptions({
      redisUrl: "redis://127.0.0.1:6379",
      erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
      invoice: { seller: TEST_SELLER },
      riskReview: { thresholds: { pln: 10_000 }, hold: ["erp"] },
    }).riskReview!
    expect(assessRiskReview(order(20_000, "pln", { billing_address: company }), holdErp).held_kinds).toEqual(["erp"])
    const holdInvoice = { ...holdErp, hold: ["invoice", "mail"] as ("invoice" | "mail" | "erp")[] }
    expect(assessRiskReview(order(20_000, "pln", { billing_address: company }), holdInvoice).held_kinds).toEqual(["invoice", "mail"])
    expect(assessRiskReview(order(100, "pln", { billing_address: company }), holdErp).held_kinds).toEqual([])
  })

  it("lets a B2B order under the threshold and a B2C order over it straight through", () => {
    expect(assessRiskReview(order(9_999.99, "pln", { billing_address: company }), options).review).toBe(false)
    expect(assessRiskReview(order(50_000, "pln"), options)).toMatchObject({ review: false, b2b_reasons: [] })
  })

  it("uses each currency's own threshold, and never reviews a currency without one", () => {
    expect(assessRiskReview(order(2_500, "eur", { billing_address: company }), options).review).toBe(true)
    expect(assessRiskReview(order(2_499, "eur", { billing_address: company }), options).review).toBe(false)
    expect(assessRiskReview(order(1_000_000, "usd", { billing_address: company }), options)).toMatchObject({
      review: false,
      threshold: null,
    })
  })

  it("counts a customer group or a metadata flag on the order or the customer as B2B", () => {
    const customer = { ...makeOrderDocument().customer!, group_ids: ["cusgroup_b2b"], metadata: { b2b: "true" } }
    expect(assessRiskReview(order(20_000, "pln", { customer }), options).b2b_reasons).toEqual([
      "customer_group:cusgroup_b2b",
      "metadata:b2b",
    ])
    expect(assessRiskReview(order(20_000, "pln", { metadata: { b2b: true } }), options).b2b_reasons).toEqual(["metadata:b2b"])
  })

  it("can ignore company names, and reviews nothing when the feature is off", () => {
    const noCompanies = { ...options, b2b: { ...options.b2b, companyName: false } }
    expect(assessRiskReview(order(20_000, "pln", { billing_address: company }), noCompanies).review).toBe(false)
    expect(assessRiskReview(order(20_000, "pln", { billing_address: company }), undefined).review).toBe(false)
  })

  it("refuses thresholds in upper-case or unknown shapes at boot, naming the option", () => {
    expect(() =>
      parseAsyncFulfilmentOptions({
        redisUrl: "redis://127.0.0.1:6379",
        erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
        invoice: { seller: TEST_SELLER },
        riskReview: { thresholds: { PLN: -5 } },
      })
    ).toThrow("`riskReview.thresholds.PLN`")
  })
})
