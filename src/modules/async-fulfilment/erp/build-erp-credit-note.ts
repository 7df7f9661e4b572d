import type { InvoiceModel } from "../invoice/model"
import { buildErpInvoice, type ErpInvoice } from "./build-erp-invoice"
import { ERP_DOCUMENT_SCHEMA_VERSION } from "./build-erp-document"
import { toDecimalString, type DecimalString } from "./to-decimal-string"

export interface ErpCreditNoteLine {
  line_id: string
  kind: "item" | "shipping"
  title: string
  quantity: number
  /** net, as the credit note states it (positive: the amount taken back) */
  net_amount: DecimalString
  /** UNTDID 5305 */
  vat_category: string
  /** percent */
  vat_rate: number
  vat_amount: DecimalString
  gross_amount: DecimalString
}

/** A credit note, in the envelope of the order document: the ERP tells the two apart by `type`. */
export interface ErpCreditNoteDocument {
  schema_version: typeof ERP_DOCUMENT_SCHEMA_VERSION
  type: "credit_note"
  order_id: string
  credit_note_id: string
  /** "cancellation" or "refund" */
  reason: string
  /** ISO 8601; when the plugin handed the document over, null when not given */
  sent_at: string | null
  /** upper case ISO 4217 */
  currency_code: string
  /** number, type code 381, dates, VAT breakdown and totals, as its PDF and XML state them */
  credit_note: ErpInvoice
  /** the invoice it corrects (BG-3) */
  corrects_invoice: { number: string; issue_date: string }
  lines: ErpCreditNoteLine[]
}

export function buildErpCreditNoteDocument(
  creditNote: { id: string; order_id: string; reason: string; model: InvoiceModel },
  opts: { sentAt?: Date } = {}
): ErpCreditNoteDocument {
  const { model } = creditNote
  const money = (amount: number) => toDecimalString(amount, model.currencyCode)
  if (!model.precedingInvoice) {
    throw new Error(`credit note ${model.number} names no invoice it corrects`)
  }
  return {
    schema_version: ERP_DOCUMENT_SCHEMA_VERSION,
    type: "credit_note",
    order_id: creditNote.order_id,
    credit_note_id: creditNote.id,
    reason: creditNote.reason,
    sent_at: opts.sentAt ? opts.sentAt.toISOString() : null,
    currency_code: model.currencyCode.toUpperCase(),
    credit_note: buildErpInvoice(model),
    corrects_invoice: { number: model.precedingInvoice.number, issue_date: model.precedingInvoice.issueDate },
    lines: model.lines.map((line) => ({
      line_id: line.id,
      kind: line.kind,
      title: line.name,
      quantity: line.quantity,
      net_amount: money(line.netAmount),
      vat_category: line.vatCategory,
      vat_rate: line.vatRate,
      vat_amount: money(line.vatAmount),
      gross_amount: money(line.grossAmount),
    })),
  }
}
