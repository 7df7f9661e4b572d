import type { InvoiceModel, InvoiceVatBreakdown } from "../../model/invoice-model"
import type { InvoicePdfLabels } from "../pdf-labels"
import type { PdfFormatters } from "../pdf-formatters"
import type { SummaryColumnKey } from "../style-sheet"
import { formatIban } from "./format-address"
import { formatVatRate } from "./build-line-rows"
import type { PdfTextBlock, PdfTotalLine } from "./invoice-pdf-view"

/**
 * The one sum the PDF makes: a VAT rate's gross (taxable base + VAT), which the model does not
 * carry. In minor units, so 0.1 + 0.2 stays 0.30; both addends are already rounded to cents.
 */
function grossOf(entry: InvoiceVatBreakdown): number {
  return Math.round(entry.taxableAmount * 100 + entry.vatAmount * 100) / 100
}

export function buildVatSummary(model: InvoiceModel, format: PdfFormatters): Array<Record<SummaryColumnKey, string>> {
  return model.vatBreakdown.map((entry) => ({
    rate: formatVatRate(entry.category, entry.rate, format),
    taxableAmount: format.amount(entry.taxableAmount),
    vatAmount: format.amount(entry.vatAmount),
    grossAmount: format.amount(grossOf(entry)),
  }))
}

/** "AE: Odwrotne obciążenie" for each category the law wants a reason for. */
export function buildVatSummaryNotes(model: InvoiceModel, format: PdfFormatters): string[] {
  return model.vatBreakdown
    .filter((entry) => entry.exemptionReason)
    .map((entry) => `${formatVatRate(entry.category, entry.rate, format)}: ${entry.exemptionReason}`)
}

/**
 * Net total + VAT total = gross total, then what was paid and what is due. The labels know no
 * document-level allowance or charge, and the lines' net amounts would not add up to the net total
 * without them: such an invoice is refused rather than printed wrong.
 */
export function buildTotals(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): PdfTotalLine[] {
  const { totals } = model
  if (totals.allowanceTotal !== 0 || totals.chargeTotal !== 0) {
    throw new Error(
      `Cannot print invoice ${model.number}: document-level allowances (${totals.allowanceTotal}) ` +
        `and charges (${totals.chargeTotal}) have no place on the PDF yet`
    )
  }
  const lines: PdfTotalLine[] = [
    { label: labels.totals.netTotal, amount: format.money(totals.netTotal), emphasis: false },
    { label: labels.totals.vatTotal, amount: format.money(totals.vatTotal), emphasis: false },
    { label: labels.totals.grossTotal, amount: format.money(totals.grossTotal), emphasis: true },
  ]
  if (model.typeCode === "381") {
    // a credit note owes nothing: its amount went back to the customer or comes off the invoice
    const [label, amount] = totals.paidAmount !== 0 ? [labels.creditNote.refunded, totals.paidAmount] : [labels.creditNote.amountCredited, totals.amountDue]
    return [...lines, { label, amount: format.money(amount), emphasis: true }]
  }
  if (totals.paidAmount !== 0) {
    lines.push({ label: labels.totals.paidAmount, amount: format.money(totals.paidAmount), emphasis: false })
  }
  lines.push({ label: labels.totals.amountDue, amount: format.money(totals.amountDue), emphasis: true })
  return lines
}

export function buildPaymentBlock(model: InvoiceModel, labels: InvoicePdfLabels): PdfTextBlock {
  const { payment } = model
  const lines = [
    payment.meansText ? `${labels.payment.means}: ${payment.meansText}` : null,
    `${labels.payment.terms}: ${payment.terms}`,
    payment.iban ? `${labels.iban}: ${formatIban(payment.iban)}` : null,
    payment.bic ? `${labels.bic}: ${payment.bic}` : null,
    payment.iban && payment.bankName ? payment.bankName : null,
  ]
  return { title: labels.payment.title, lines: lines.filter((line): line is string => line !== null) }
}

export function buildNotesBlock(model: InvoiceModel, labels: InvoicePdfLabels): PdfTextBlock | null {
  const lines = model.notes.filter((note) => note.trim() !== "")
  return lines.length > 0 ? { title: labels.notes, lines } : null
}
