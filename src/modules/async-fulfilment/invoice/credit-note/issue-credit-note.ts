import { translationsFor } from "../../i18n"
import type { CreditNoteDraftInput, CreditNoteReason } from "../../db/credit-notes"
import type { InvoiceModel } from "../model/invoice-model"
import { buildCreditNoteModel } from "./build-credit-note-model"

export interface IssueCreditNoteInput {
  orderId: string
  reason: CreditNoteReason
  /** what caused it, once per credit note: "cancel:<order id>", "refund:<refund id>" */
  sourceKey: string
  /** a refund's gross amount in the main unit; a cancellation credits what is left of the invoice */
  grossAmount?: number
  issuedAt?: Date
}

/** The builder the allocating transaction calls once it has the credit note's number. */
export function creditNoteBuilder(input: IssueCreditNoteInput): (draft: CreditNoteDraftInput) => InvoiceModel {
  return ({ invoice, number, issuedAt, alreadyCredited }) =>
    buildCreditNoteModel({
      invoice,
      creditNote: { number, issued_at: issuedAt },
      scope: input.reason === "cancellation" ? { kind: "cancellation" } : { kind: "refund", grossAmount: input.grossAmount ?? 0 },
      alreadyCredited,
      texts: translationsFor(invoice.language).invoiceModel,
    })
}
