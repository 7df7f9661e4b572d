import { PermanentSideEffectError } from "./permanent-side-effect-error"

/** A refund larger than what the invoice still holds after its earlier credit notes: no credit note is issued. */
export class CreditExceedsInvoiceError extends PermanentSideEffectError {
  constructor(invoiceNumber: string, requested: string, remaining: string, currencyCode: string) {
    super(
      `Cannot credit ${requested} ${currencyCode} against invoice ${invoiceNumber}: only ${remaining} ${currencyCode} of it is left to credit`
    )
    this.name = "CreditExceedsInvoiceError"
  }
}
