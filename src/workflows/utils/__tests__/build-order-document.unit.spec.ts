import { buildOrderDocument, toAmount } from "../build-order-document"

const queried = {
  id: "order_1",
  display_id: 42,
  email: "anna@example.com",
  currency_code: "PLN",
  created_at: "2026-11-20T10:00:00.000Z",
  metadata: null,
  customer: { id: "cus_1", first_name: "Anna", last_name: "Nowak", company_name: "" },
  billing_address: { first_name: "Anna", last_name: "Nowak", company: "Acme", address_1: "ul. Długa 1", city: "Kraków", country_code: "pl", postal_code: "31-147" },
  shipping_address: null,
  items: [
    {
      id: "item_1",
      title: "Desk",
      subtitle: null,
      variant_sku: "DESK",
      quantity: 2,
      unit_price: 100,
      subtotal: 200,
      discount_total: 0,
      tax_total: 46,
      total: 246,
      tax_lines: [{ rate: 23 }],
    },
  ],
  shipping_methods: [{ id: "sm_1", name: "Courier", subtotal: 19.99, tax_total: 4.6, total: 24.59, tax_lines: [{ rate: 23 }] }],
  item_subtotal: 200,
  shipping_total: 24.59,
  discount_total: 0,
  tax_total: { numeric: 50.6 },
  total: "270.59",
}

describe("buildOrderDocument", () => {
  it("reshapes a query-graph order into the document the side effects use", () => {
    const document = buildOrderDocument(queried)
    expect(document).toMatchObject({
      schema_version: 1,
      order_id: "order_1",
      display_id: 42,
      currency_code: "pln",
      email: "anna@example.com",
      customer: { id: "cus_1", first_name: "Anna", company_name: null },
      billing_address: { company: "Acme", address_2: null, country_code: "pl" },
      shipping_address: null,
      items: [{ title: "Desk", sku: "DESK", quantity: 2, unit_price: 100, tax_rate: 23, total: 246 }],
      shipping_methods: [{ name: "Courier", total: 24.59, tax_rate: 23 }],
      totals: { item_subtotal: 200, tax_total: 50.6, total: 270.59 },
    })
    expect(document.placed_at).toBe("2026-11-20T10:00:00.000Z")
  })

  it("refuses an order without id or currency, naming the order", () => {
    expect(() => buildOrderDocument({ id: "order_2" })).toThrow("Order order_2 cannot be documented")
    expect(() => buildOrderDocument(null)).toThrow("(no id)")
  })

  it("reads numbers, numeric strings and BigNumber-like objects alike", () => {
    expect([toAmount(1.5), toAmount("2.25"), toAmount({ numeric: 3 }), toAmount({ value: "4" }), toAmount(null)]).toEqual([
      1.5, 2.25, 3, 4, 0,
    ])
  })
})
