import { buildErpDocument } from "../build-erp-document"
import { toDecimalString } from "../to-decimal-string"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"

describe("toDecimalString", () => {
  it("uses the currency's minor units", () => {
    expect(toDecimalString(12.5, "eur")).toBe("12.50")
    expect(toDecimalString(1200, "JPY")).toBe("1200")
    expect(toDecimalString(1199.5, "jpy")).toBe("1200")
    expect(toDecimalString(1.2345, "KWD")).toBe("1.235")
  })

  it("removes float noise and rounds from the decimal form", () => {
    expect(toDecimalString(0.1 + 0.2, "EUR")).toBe("0.30")
    expect(toDecimalString(1.005, "EUR")).toBe("1.01")
    expect(toDecimalString(1234567.891, "USD")).toBe("1234567.89")
  })

  it("never writes negative zero", () => {
    expect(toDecimalString(-0.001, "EUR")).toBe("0.00")
    expect(toDecimalString(-3.456, "EUR")).toBe("-3.46")
  })

  it("refuses non-finite amounts and unknown currencies", () => {
    expect(() => toDecimalString(Number.NaN, "EUR")).toThrow(RangeError)
    expect(() => toDecimalString(1, "XX")).toThrow(RangeError)
  })
})

describe("buildErpDocument", () => {
  it("writes amounts as decimal strings and the currency in upper case", () => {
    const doc = buildErpDocument(makeOrderDocument(), { sentAt: new Date("2025-03-14T10:00:00Z") })

    expect(doc).toMatchObject({
      schema_version: 1,
      type: "order",
      order_id: "order_01TEST",
      display_id: 1042,
      placed_at: "2025-03-14T09:26:53.000Z",
      sent_at: "2025-03-14T10:00:00.000Z",
      currency_code: "EUR",
      customer: {
        id: "cus_01",
        email: "ada@example.com",
        first_name: "Ada",
        last_name: "Lovelace",
        company_name: null,
      },
      shipping_address: null,
    })
    expect(doc.billing_address?.city).toBe("London")
    expect(doc.lines).toEqual([
      {
        line_id: "ordli_01",
        sku: "DE-1",
        title: "Difference Engine",
        quantity: 2,
        unit_price: "6.25",
        subtotal: "12.50",
        discount_total: "0.00",
        tax_rate: 2.4,
        tax_total: "0.30",
        total: "12.80",
      },
    ])
    expect(doc.shipping).toEqual([
      { shipping_method_id: "ordsm_01", name: "Courier", tax_rate: null, subtotal: "4.90", tax_total: "0.00", total: "4.90" },
    ])
    expect(doc.totals).toEqual({
      item_subtotal: "12.50",
      shipping_total: "4.90",
      discount_total: "0.00",
      tax_total: "0.30",
      total: "17.70",
    })
  })

  it("writes JPY without decimals", () => {
    const order = makeOrderDocument({ currency_code: "jpy" })
    order.items[0].unit_price = 600
    order.totals.total = 1200

    const doc = buildErpDocument(order)

    expect(doc.currency_code).toBe("JPY")
    expect(doc.lines[0].unit_price).toBe("600")
    expect(doc.totals.total).toBe("1200")
  })

  it("is pure and JSON-able: same input, same output, no shared references", () => {
    const order = makeOrderDocument({ customer: null })
    const first = buildErpDocument(order)
    const second = buildErpDocument(order)

    expect(first).toEqual(second)
    expect(first.sent_at).toBeNull()
    expect(first.customer).toEqual({
      id: null,
      email: "ada@example.com",
      first_name: null,
      last_name: null,
      company_name: null,
    })
    expect(first.billing_address).not.toBe(order.billing_address)
    expect(JSON.parse(JSON.stringify(first))).toEqual(first)
  })
})
