import type { InvoiceModel } from "../../../../modules/async-fulfilment/invoice/model"
import { isEInvoice } from "../../../../modules/async-fulfilment/invoice/issue-invoice"
import type { AdminCreditNote } from "../contract"

export interface CreditNoteListRow {
  id: string
  number: string
  reason: AdminCreditNote["reason"]
  issued_at: Date | string
  file_id: string | null
  model: InvoiceModel
}

export const creditNoteFields = ["id", "number", "reason", "issued_at", "file_id", "model", "sequence_scope", "sequence_value"]

export function toAdminCreditNote(row: CreditNoteListRow): AdminCreditNote {
  const { model } = row
  const path = `/admin/async-fulfilment/credit-notes/${row.id}`
  const xml = isEInvoice(model)
  return {
    id: row.id,
    number: row.number,
    reason: row.reason,
    issued_at: new Date(row.issued_at).toISOString(),
    currency_code: model.currencyCode.toLowerCase(),
    gross_total: model.totals.grossTotal,
    net_total: model.totals.netTotal,
    vat_total: model.totals.vatTotal,
    invoice_number: model.precedingInvoice?.number ?? null,
    file_ready: Boolean(row.file_id),
    download: {
      pdf: `${path}?format=pdf`,
      cii: xml ? `${path}?format=cii` : null,
      ubl: xml ? `${path}?format=ubl` : null,
    },
  }
}
