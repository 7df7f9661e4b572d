/**
 * The self-contained picture of an order that every side effect works from.
 *
 * It is taken once, when `order.placed` is handled, through Medusa's query graph,
 * and stored in Postgres next to the side-effect rows: the invoice, the mail and
 * the ERP document all describe the order as it was placed, and a retry days later
 * renders the same document. Amounts are in the currency's main unit (Medusa v2
 * convention: 12.5 means 12.50 EUR), unrounded as Medusa computes them.
 *
 * Version 1 grew without a version bump: every field added for the invoice model (tax lines,
 * adjustments, `is_tax_inclusive`, discount parts, payment collections, address metadata) is
 * optional, so documents stored before them stay readable; readers treat a missing field as
 * "not known" (no tax line names, no promotion codes, unpaid).
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
  /** where a storefront may keep the buyer's VAT ID (`invoice.buyerTaxIdKey`) */
  metadata?: Record<string, unknown> | null
}

/** One tax line Medusa applied to an item or a shipping method. */
export interface OrderDocumentTaxLine {
  /** percent: 23 for 23 % */
  rate: number
  /** the tax rate's code */
  code: string | null
  /** the tax rate's name, as Medusa copies it into the tax line's description */
  name: string | null
}

/** A promotion's share of an item or shipping method (Medusa's adjustment line). */
export interface OrderDocumentAdjustment {
  amount: number
  /** the promotion code */
  code: string | null
  promotion_id: string | null
  description: string | null
  /** the amount includes tax (item adjustments only; Medusa has no such flag on shipping) */
  is_tax_inclusive: boolean
}

export interface OrderDocumentLine {
  id: string
  title: string
  subtitle: string | null
  sku: string | null
  quantity: number
  unit_price: number
  /** quantity × unit price, net of tax, before discounts */
  subtotal: number
  /** the discount, tax included */
  discount_total: number
  tax_total: number
  total: number
  /** sum of the line's tax rates, in percent (23 for 23 %); null when untaxed */
  tax_rate: number | null
  /** the unit price includes tax */
  is_tax_inclusive?: boolean
  tax_lines?: OrderDocumentTaxLine[]
  adjustments?: OrderDocumentAdjustment[]
  /** the discount net of tax, and its tax part */
  discount_subtotal?: number
  discount_tax_total?: number
}

export interface OrderDocumentShippingMethod {
  id: string
  name: string
  /** net of tax, before discounts */
  subtotal: number
  tax_total: number
  total: number
  /** sum of the method's tax rates, in percent; null when untaxed */
  tax_rate: number | null
  /** the price as set on the method (tax included when `is_tax_inclusive`) */
  amount?: number
  is_tax_inclusive?: boolean
  tax_lines?: OrderDocumentTaxLine[]
  adjustments?: OrderDocumentAdjustment[]
  /** the shipping discount: tax included, net of tax, and its tax part */
  discount_total?: number
  discount_subtotal?: number
  discount_tax_total?: number
}

export interface OrderDocumentTotals {
  /** items before tax and discounts */
  item_subtotal: number
  shipping_total: number
  discount_total: number
  tax_total: number
  total: number
}

/** A payment collection of the order, as Medusa's Payment module reports it at placement. */
export interface OrderDocumentPaymentCollection {
  id: string
  /** not_paid, awaiting, authorized, partially_authorized, partially_captured, completed, canceled, failed */
  status: string
  amount: number
  authorized_amount: number | null
  captured_amount: number | null
  refunded_amount: number | null
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
  /** absent in documents stored before the invoice model: read as "not paid" */
  payment_collections?: OrderDocumentPaymentCollection[]
  /** ISO 8601: when the personal fields were blanked (a customer's erasure, or retention.orderSnapshots) */
  erased_at?: string
}

/** What the invoice adds to the order: its legal identity. */
export interface InvoiceIdentity {
  number: string
  /** ISO 8601; also the PDF's creation date, so a re-render yields the same bytes */
  issued_at: string
  /** UNTDID 1001: "380" invoice (the default), "381" credit note */
  typeCode?: "380" | "381"
  /** BG-3, for a credit note: the invoice it corrects (issue date YYYY-MM-DD) */
  precedingInvoice?: { number: string; issueDate: string } | null
}

export interface SellerDetails {
  name: string
  /** postal address; new lines separate address lines */
  address: string
  vatId?: string
}
