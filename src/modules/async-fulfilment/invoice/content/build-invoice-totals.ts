import type { OrderDocumentTotals } from "../../types/order-document"
import { formatMoney, roundToMinorUnits } from "./format-money"
import type { InvoiceTotalLine } from "./invoice-content"
import type { InvoiceLabels } from "./invoice-labels"

/** Subtotal, Shipping, Discount (only when non-zero, shown negative), Tax, Total. */
export function buildInvoiceTotals(
  totals: OrderDocumentTotals,
  currencyCode: string,
  locale: string,
  labels: InvoiceLabels
): InvoiceTotalLine[] {
  const money = (amount: number) => formatMoney(amount, currencyCode, locale)
  const lines: InvoiceTotalLine[] = [
    { kind: "subtotal", label: labels.totals.subtotal, amount: money(totals.item_subtotal) },
    { kind: "shipping", label: labels.totals.shipping, amount: money(totals.shipping_total) },
  ]
  // Compared after rounding: a 0.001 discount would otherwise print as "-€0.00".
  const discount = roundToMinorUnits(totals.discount_total, currencyCode)
  if (discount > 0) {
    lines.push({ kind: "discount", label: labels.totals.discount, amount: money(-discount) })
  }
  lines.push(
    { kind: "tax", label: labels.totals.tax, amount: money(totals.tax_total) },
    { kind: "total", label: labels.totals.total, amount: money(totals.total) }
  )
  return lines
}
