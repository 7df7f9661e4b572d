import { PermanentSideEffectError } from "./permanent-side-effect-error"

/** A credit note that cannot be built as asked (no amount, an invoice that is itself a credit note…). */
export class InvalidCreditNoteError extends PermanentSideEffectError {
  constructor(invoiceNumber: string, problem: string) {
    super(`Cannot build a credit note for invoice ${invoiceNumber}: ${problem}`)
    this.name = "InvalidCreditNoteError"
  }
}
