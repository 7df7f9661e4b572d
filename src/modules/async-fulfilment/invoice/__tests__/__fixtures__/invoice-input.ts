import type {
  InvoiceIdentity,
  OrderDocument,
  OrderDocumentAddress,
  OrderDocumentLine,
  SellerDetails,
} from "../../../types/order-document"

export function address(overrides: Partial<OrderDocumentAddress> = {}): OrderDocumentAddress {
  return {
    first_name: "Anna",
    last_name: "Kowalska",
    company: null,
    address_1: "ul. Długa 5",
    address_2: null,
    city: "Kraków",
    postal_code: "31-147",
    province: null,
    country_code: "pl",
    phone: null,
    ...overrides,
  }
}

export function line(index: number, overrides: Partial<OrderDocumentLine> = {}): OrderDocumentLine {
  return {
    id: `item_${index}`,
    title: `Ceramic mug ${index}`,
    subtitle: "Blue / 350 ml",
    sku: `MUG-${index}`,
    quantity: 2,
    unit_price: 10,
    subtotal: 20,
    discount_total: 0,
    tax_total: 4.6,
    total: 24.6,
    tax_rate: 23,
    ...overrides,
  }
}

/** An EUR order of `lineCount` lines of 2 × 10.00 at 23 %, shipped for 5.00 + 1.15 tax. */
export function orderDocument(lineCount = 5, overrides: Partial<OrderDocument> = {}): OrderDocument {
  const items = Array.from({ length: lineCount }, (_, index) => line(index + 1))
  const itemSubtotal = 20 * lineCount
  return {
    schema_version: 1,
    order_id: "order_01TEST",
    display_id: 1042,
    placed_at: "2024-05-06T10:15:00.000Z",
    currency_code: "eur",
    email: "anna@example.com",
    customer: { id: "cus_1", first_name: "Anna", last_name: "Kowalska", company_name: null },
    billing_address: address(),
    shipping_address: address(),
    items,
    shipping_methods: [{ id: "sm_1", name: "Standard delivery", subtotal: 5, tax_total: 1.15, total: 6.15, tax_rate: 23 }],
    totals: {
      item_subtotal: itemSubtotal,
      shipping_total: 5,
      discount_total: 0,
      tax_total: 4.6 * lineCount + 1.15,
      total: 24.6 * lineCount + 6.15,
    },
    metadata: null,
    ...overrides,
  }
}

export const invoiceIdentity: InvoiceIdentity = { number: "INV-2024-000123", issued_at: "2024-05-07T08:00:00.000Z" }

export const seller: SellerDetails = {
  name: "Acme Ceramics Sp. z o.o.",
  address: "ul. Fabryczna 1\n00-001 Warszawa\nPL",
  vatId: "PL1234567890",
}
