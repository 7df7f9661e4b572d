import type { InvoiceIdentity, OrderDocument, SellerDetails } from "../../types/order-document"
import { assertInvoiceInput } from "./assert-invoice-input"
import { buildBuyerLines, buildSellerLines, buildShipToLines } from "./build-invoice-parties"
import { buildInvoiceRows } from "./build-invoice-rows"
import { buildInvoiceTotals } from "./build-invoice-totals"
import { parseIsoDate } from "./format-date"
import { normalizeCurrencyCode } from "./format-money"
import { cleanText } from "./format-text"
import type { InvoiceContent } from "./invoice-content"
import { ENGLISH_INVOICE_LABELS } from "./invoice-labels"

export type { InvoiceContent, InvoiceTableRow, InvoiceTotalLine } from "./invoice-content"

export interface BuildInvoiceContentInput {
  order: OrderDocument
  invoice: InvoiceIdentity
  seller: SellerDetails
  /** BCP 47 locale for numbers and amounts; the wording stays English. Defaults to "en". */
  locale?: string
}

/**
 * Turns an order snapshot into the formatted content of its invoice. Pure: the same input
 * always yields the same content (no clock, no I/O), which keeps re-rendered PDFs identical.
 */
export function buildInvoiceContent({ order, invoice, seller, locale = "en" }: BuildInvoiceContentInput): InvoiceContent {
  assertInvoiceInput(order, invoice, seller, locale)
  const labels = ENGLISH_INVOICE_LABELS
  const currencyCode = normalizeCurrencyCode(order.currency_code)
  const issued = parseIsoDate(invoice.issued_at, `Invoice ${invoice.number}: issued_at`)
  const placed = parseIsoDate(order.placed_at, `Order ${order.order_id}: placed_at`)

  return {
    title: "Invoice",
    invoiceNumber: cleanText(invoice.number),
    issuedAt: issued.instant,
    issueDate: issued.calendarDate,
    orderDate: placed.calendarDate,
    orderDisplayId: Number.isFinite(order.display_id) ? `#${order.display_id}` : cleanText(order.order_id),
    currencyCode,
    locale,
    seller: buildSellerLines(seller, labels),
    buyer: buildBuyerLines(order),
    shipTo: buildShipToLines(order),
    rows: buildInvoiceRows(order, locale),
    totals: buildInvoiceTotals(order.totals, currencyCode, locale, labels),
    labels,
  }
}
