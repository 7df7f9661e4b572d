import { buildOrderDocument, toAmount } from "../build-order-document"

const queried = {
  id: "order_1",
  display_id: 42,
  email: "anna@example.com",
  currency_code: "PLN",
  created_at: "2026-11-20T10:00:00.000Z",
  metadata: { vat_id: "PL5261040828" },
  customer: { id: "cus_1", first_name: "Anna", last_name: "Nowak", company_name: "", metadata: { vat_id: "PL1" } },
  billing_address: {
    first_name: "Anna",
    last_name: "Nowak",
    company: "Acme",
    address_1: "ul. Długa 1",
    city: "Kraków",
    country_code: "pl",
    postal_code: "31-147",
    metadata: { vat_id: "PL2" },
  },
  shipping_address: null,
  items: [
    {
      id: "item_1",
      title: "Desk",
      subtitle: null,
      variant_sku: "DESK",
      quantity: 2,
      unit_price: 123,
      is_tax_inclusive: true,
      subtotal: 200,
      discount_total: 12.3,
      discount_subtotal: { numeric: 10 },
      discount_tax_total: "2.3",
      tax_total: 43.7,
      total: 233.7,
      tax_lines: [{ rate: 23, code: "PL23", description: "VAT 23%" }],
      adjustments: [{ amount: 12.3, code: "WIOSNA", promotion_id: "promo_1", is_tax_inclusive: true }],
    },
  ],
  shipping_methods: [
    {
      id: "sm_1",
      name: "Courier",
      amount: 24.59,
      is_tax_inclusive: true,
      subtotal: 19.99,
      discount_total: 0,
      tax_total: 4.6,
      total: 24.59,
      tax_lines: [{ rate: 23, code: "PL23" }],
      adjustments: [],
    },
  ],
  payment_collections: [
    { id: "paycol_1", status: "authorized", amount: { numeric: 258.29 }, authorized_amount: 258.29, captured_amount: null },
  ],
  item_subtotal: 200,
  shipping_total: 24.59,
  discount_total: 12.3,
  tax_total: { numeric: 48.3 },
  total: "258.29",
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
      items: [{ title: "Desk", sku: "DESK", quantity: 2, unit_price: 123, tax_rate: 23, total: 233.7 }],
      shipping_methods: [{ name: "Courier", total: 24.59, tax_rate: 23 }],
      totals: { item_subtotal: 200, tax_total: 48.3, total: 258.29 },
    })
    expect(document.placed_at).toBe("2026-11-20T10:00:00.000Z")
  })

  it("keeps what the invoice needs: tax lines, tax inclusion, promotions and their tax part", () => {
    const [item] = buildOrderDocument(queried).items
    expect(item).toMatchObject({
      is_tax_inclusive: true,
      discount_total: 12.3,
      discount_subtotal: 10,
      discount_tax_total: 2.3,
      tax_lines: [{ rate: 23, code: "PL23", name: "VAT 23%" }],
      adjustments: [{ amount: 12.3, code: "WIOSNA", promotion_id: "promo_1", description: null, is_tax_inclusive: true }],
    })
    const [method] = buildOrderDocument(queried).shipping_methods
    expect(method).toMatchObject({ amount: 24.59, is_tax_inclusive: true, discount_total: 0, tax_lines: [{ name: null }], adjustments: [] })
  })

  it("keeps the payment collections and every metadata the buyer's VAT ID may come from", () => {
    const document = buildOrderDocument(queried)
    expect(document.payment_collections).toEqual([
      { id: "paycol_1", status: "authorized", amount: 258.29, authorized_amount: 258.29, captured_amount: null, refunded_amount: null },
    ])
    expect(document.metadata).toEqual({ vat_id: "PL5261040828" })
    expect(document.billing_address?.metadata).toEqual({ vat_id: "PL2" })
    expect(document.customer?.metadata).toEqual({ vat_id: "PL1" })
  })

  it("documents an order without payment collections, tax lines or adjustments as having none", () => {
    const { payment_collections: _none, ...bare } = queried
    const document = buildOrderDocument({
      ...bare,
      items: [{ ...queried.items[0], tax_lines: undefined, adjustments: undefined, is_tax_inclusive: undefined }],
    })
    expect(document.payment_collections).toEqual([])
    expect(document.items[0]).toMatchObject({ tax_rate: null, tax_lines: [], adjustments: [], is_tax_inclusive: false })
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
