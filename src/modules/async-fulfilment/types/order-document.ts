/**
 * The self-contained picture of an order that every side effect works from.
 *
 * It is taken once, when `order.placed` is handled, through Medusa's query graph,
 * and stored in Postgres next to the side-effect rows: the invoice, the mail and
 * the ERP document all describe the order as it was placed, and a retry days later
 * renders the same document. Amounts are in the currency's main unit (Medusa v2
 * convention: 12.5 means 12.50 EUR).
 */
export const ORDER_DOCUMENT_SCHEMA_VERSION = 1 as const

export interface OrderDocumentAddress {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  postal_code: string | null
  province: string | null
  country_code: string | null
  phone: string | null
}

export interface OrderDocumentLine {
  id: string
  title: string
  subtitle: string | null
  sku: string | null
  quantity: number
  unit_price: number
  /** quantity × unit price, before tax and discounts */
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
  /** sum of the line's tax rates, in percent (23 for 23 %); null when untaxed */
  tax_rate: number | null
}

export interface OrderDocumentShippingMethod {
  id: string
  name: string
  subtotal: number
  tax_total: number
  total: number
  /** sum of the method's tax rates, in percent; null when untaxed */
  tax_rate: number | null
}

export interface OrderDocumentTotals {
  /** items before tax and discounts */
  item_subtotal: number
  shipping_total: number
  discount_total: number
  tax_total: number
  total: number
}

export interface OrderDocument {
  schema_version: typeof ORDER_DOCUMENT_SCHEMA_VERSION
  order_id: string
  display_id: number
  /** ISO 8601 */
  placed_at: string
  /** lower case ISO 4217, as Medusa stores it */
  currency_code: string
  email: string | null
  customer: {
    id: string
    first_name: string | null
    last_name: string | null
    company_name: string | null
    /** the customer's groups when the order was placed (B2B detection) */
    group_ids?: string[]
    metadata?: Record<string, unknown> | null
  } | null
  billing_address: OrderDocumentAddress | null
  shipping_address: OrderDocumentAddress | null
  items: OrderDocumentLine[]
  shipping_methods: OrderDocumentShippingMethod[]
  totals: OrderDocumentTotals
  metadata: Record<string, unknown> | null
}

/** What the invoice adds to the order: its legal identity. */
export interface InvoiceIdentity {
  number: string
  /** ISO 8601; also the PDF's creation date, so a re-render yields the same bytes */
  issued_at: string
}

export interface SellerDetails {
  name: string
  /** postal address; new lines separate address lines */
  address: string
  vatId?: string
}
