import type { InvoiceModel } from "../../model/invoice-model"
import type { InvoicePdfLabels } from "../pdf-labels"
import type { PdfFormatters } from "../pdf-formatters"
import { buildBuyerBlock, buildDeliverToBlock, buildSellerBlock } from "./build-party-blocks"
import { buildLineRows } from "./build-line-rows"
import {
  buildNotesBlock,
  buildPaymentBlock,
  buildTotals,
  buildVatSummary,
  buildVatSummaryNotes,
} from "./build-closing-blocks"
import type { InvoicePdfView } from "./invoice-pdf-view"

export function invoiceTitle(model: InvoiceModel, labels: InvoicePdfLabels): string {
  return model.typeCode === "381" ? labels.creditNoteTitle : labels.invoiceTitle
}

function buildMeta(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): string[] {
  const creditNote = model.typeCode === "381"
  const meta = [
    `${creditNote ? labels.creditNote.number : labels.number}: ${model.number}`,
    `${labels.issueDate}: ${format.date(model.issueDate)}`,
    `${labels.deliveryDate}: ${format.date(model.deliveryDate)}`,
  ]
  if (model.payment.paid) {
    meta.push(creditNote ? labels.creditNote.refunded : labels.payment.paid)
  } else if (model.dueDate) {
    meta.push(`${labels.dueDate}: ${format.date(model.dueDate)}`)
  }
  meta.push(`${labels.orderReference}: ${model.orderReference}`)
  if (model.precedingInvoice) {
    const { number, issueDate } = model.precedingInvoice
    meta.push(`${labels.correctedInvoice}: ${number} (${format.date(issueDate)})`)
  }
  return meta
}

/** Formats the model for print; pure, and it adds up nothing but each VAT rate's gross. */
export function buildInvoicePdfView(model: InvoiceModel, labels: InvoicePdfLabels, format: PdfFormatters): InvoicePdfView {
  const title = invoiceTitle(model, labels)
  return {
    title,
    number: model.number,
    meta: buildMeta(model, labels, format),
    seller: buildSellerBlock(model, labels, format),
    buyer: buildBuyerBlock(model, labels, format),
    deliverTo: buildDeliverToBlock(model, labels, format),
    lineHeadings: labels.columns,
    lines: buildLineRows(model, labels, format),
    summaryTitle: labels.vatSummary.title,
    summaryHeadings: {
      rate: labels.vatSummary.rate,
      taxableAmount: labels.vatSummary.taxableAmount,
      vatAmount: labels.vatSummary.vatAmount,
      grossAmount: labels.vatSummary.grossAmount,
    },
    summary: buildVatSummary(model, format),
    summaryNotes: buildVatSummaryNotes(model, format),
    totals: buildTotals(model, labels, format),
    payment: buildPaymentBlock(model, labels),
    notes: buildNotesBlock(model, labels),
    footer: `${title} ${model.number} · ${model.orderId}`,
    pageOf: labels.pageOf,
  }
}
