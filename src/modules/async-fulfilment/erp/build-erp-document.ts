import type {
  OrderDocument,
  OrderDocumentAddress,
  OrderDocumentLine,
  OrderDocumentShippingMethod,
} from "../types/order-document"
import type { InvoiceModel } from "../invoice/model"
import { toDecimalString, type DecimalString } from "./to-decimal-string"
import { buildErpInvoice, ErpInvoice } from "./build-erp-invoice"

export const ERP_DOCUMENT_SCHEMA_VERSION = 1 as const

export type { DecimalString }

export interface ErpOrderLine {
  line_id: string
  sku: string | null
  title: string
  quantity: number
  unit_price: DecimalString
  /** quantity × unit price, before tax and discounts */
  subtotal: DecimalString
  discount_total: DecimalString
  /** percent (23 for 23 %), null when untaxed */
  tax_rate: number | null
  tax_total: DecimalString
  total: DecimalString
}

export interface ErpShippingLine {
  shipping_method_id: string
  name: string
  /** percent, e.g. 23; null when untaxed */
  tax_rate: number | null
  subtotal: DecimalString
  tax_total: DecimalString
  total: DecimalString
}

export interface ErpOrderDocument {
  schema_version: typeof ERP_DOCUMENT_SCHEMA_VERSION
  type: "order"
  order_id: string
  display_id: number
  /** ISO 8601 */
  placed_at: string
  /** ISO 8601; when the plugin handed the document over, null when not given */
  sent_at: string | null
  /** upper case ISO 4217 */
  currency_code: string
  customer: {
    id: string | null
    email: string | null
    first_name: string | null
    last_name: string | null
    company_name: string | null
  }
  billing_address: OrderDocumentAddress | null
  shipping_address: OrderDocumentAddress | null
  lines: ErpOrderLine[]
  shipping: ErpShippingLine[]
  totals: {
    item_subtotal: DecimalString
    shipping_total: DecimalString
    discount_total: DecimalString
    tax_total: DecimalString
    total: DecimalString
  }
  /**
   * the order's issued invoice (number, VAT breakdown per category and rate, totals); null when
   * the order has none: invoices off, or its invoice failed for good or was discarded
   */
  invoice: ErpInvoice | null
}

export function buildErpDocument(
  order: OrderDocument,
  opts: { sentAt?: Date; invoice?: InvoiceModel | null } = {}
): ErpOrderDocument {
  const money = (amount: number) => toDecimalString(amount, order.currency_code)

  return {
    schema_version: ERP_DOCUMENT_SCHEMA_VERSION,
    type: "order",
    order_id: order.order_id,
    display_id: order.display_id,
    placed_at: order.placed_at,
    sent_at: opts.sentAt ? opts.sentAt.toISOString() : null,
    currency_code: order.currency_code.toUpperCase(),
    customer: {
      id: order.customer?.id ?? null,
      email: order.email,
      first_name: order.customer?.first_name ?? null,
      last_name: order.customer?.last_name ?? null,
      company_name: order.customer?.company_name ?? null,
    },
    billing_address: copyAddress(order.billing_address),
    shipping_address: copyAddress(order.shipping_address),
    lines: order.items.map((line) => toErpLine(line, money)),
    shipping: order.shipping_methods.map((method) => toErpShipping(method, money)),
    totals: {
      item_subtotal: money(order.totals.item_subtotal),
      shipping_total: money(order.totals.shipping_total),
      discount_total: money(order.totals.discount_total),
      tax_total: money(order.totals.tax_total),
      total: money(order.totals.total),
    },
    invoice: opts.invoice ? buildErpInvoice(opts.invoice) : null,
  }
}

function toErpLine(line: OrderDocumentLine, money: (n: number) => string): ErpOrderLine {
  return {
    line_id: line.id,
    sku: line.sku,
    title: line.title,
    quantity: line.quantity,
    unit_price: money(line.unit_price),
    subtotal: money(line.subtotal),
    discount_total: money(line.discount_total),
    tax_rate: line.tax_rate === null ? null : roundRate(line.tax_rate),
    tax_total: money(line.tax_total),
    total: money(line.total),
  }
}

function toErpShipping(
  method: OrderDocumentShippingMethod,
  money: (n: number) => string
): ErpShippingLine {
  return {
    shipping_method_id: method.id,
    name: method.name,
    tax_rate: method.tax_rate === null || method.tax_rate === undefined ? null : roundRate(method.tax_rate),
    subtotal: money(method.subtotal),
    tax_total: money(method.tax_total),
    total: money(method.total),
  }
}

/** Summed rates can carry float noise (7.7 + 0.1); four decimals are plenty for a percentage. */
function roundRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000
}

function copyAddress(address: OrderDocumentAddress | null): OrderDocumentAddress | null {
  return address ? { ...address } : null
}
