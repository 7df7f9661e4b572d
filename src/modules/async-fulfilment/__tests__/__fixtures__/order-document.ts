// Medusa computes totals in floating point: the noise in the amounts below is on purpose.
import type { OrderDocument } from "../../types/order-document"

export function makeOrderDocument(overrides: Partial<OrderDocument> = {}): OrderDocument {
  return {
    schema_version: 1,
    order_id: "order_01TEST",
    display_id: 1042,
    placed_at: "2025-03-14T09:26:53.000Z",
    currency_code: "eur",
    email: "ada@example.com",
    customer: { id: "cus_01", first_name: "Ada", last_name: "Lovelace", company_name: null },
    billing_address: {
      first_name: "Ada",
      last_name: "Lovelace",
      company: null,
      address_1: "12 Analytical Row",
      address_2: null,
      city: "London",
      postal_code: "N1 9GU",
      province: null,
      country_code: "gb",
      phone: null,
    },
    shipping_address: null,
    items: [
      {
        id: "ordli_01",
        title: "Difference Engine",
        subtitle: null,
        sku: "DE-1",
        quantity: 2,
        unit_price: 6.25,
        subtotal: 12.5,
        discount_total: 0,
        tax_total: 0.1 + 0.2,
        total: 12.8,
        tax_rate: 2.4000000000000004,
      },
    ],
    shipping_methods: [{ id: "ordsm_01", name: "Courier", subtotal: 4.9, tax_total: 0, total: 4.9, tax_rate: null }],
    totals: {
      item_subtotal: 12.5,
      shipping_total: 4.9,
      discount_total: 0,
      tax_total: 0.30000000000000004,
      total: 17.7,
    },
    metadata: null,
    ...overrides,
  }
}
