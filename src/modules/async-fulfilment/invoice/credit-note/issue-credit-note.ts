import { translationsFor } from "../../i18n"
import type { CreditNoteDraftInput, CreditNoteReason } from "../../db/credit-notes"
import type { InvoiceModel } from "../model/invoice-model"
import { buildCreditNoteModel, type CreditNoteScope } from "./build-credit-note-model"
import type { ReturnedLine } from "./returned-lines"

export interface IssueCreditNoteInput {
  orderId: string
  reason: CreditNoteReason
  /** what caused it, once per credit note: "cancel:<order id>", "refund:<refund id>" */
  sourceKey: string
  /** a refund's gross amount in the main unit; a cancellation credits what is left of the invoice */
  grossAmount?: number
  /** a return's lines: quantities of the invoice's lines (their BT-126 ids) */
  returnedLines?: ReturnedLine[]
  issuedAt?: Date
}

function scopeOf(input: IssueCreditNoteInput): CreditNoteScope {
  if (input.reason === "cancellation") return { kind: "cancellation" }
  if (input.reason === "return") return { kind: "return", lines: input.returnedLines ?? [] }
  return { kind: "refund", grossAmount: input.grossAmount ?? 0 }
}

/** The builder the allocating transaction calls once it has the credit note's number. */
export function creditNoteBuilder(input: IssueCreditNoteInput): (draft: CreditNoteDraftInput) => InvoiceModel {
  return ({ invoice, number, issuedAt, alreadyCredited }) =>
    buildCreditNoteModel({
      invoice,
      creditNote: { number, issued_at: issuedAt },
      scope: scopeOf(input),
      alreadyCredited,
      texts: translationsFor(invoice.language).invoiceModel,
    })
}
