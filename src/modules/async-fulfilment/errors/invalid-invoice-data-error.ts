import { PermanentSideEffectError } from "./permanent-side-effect-error"

/** The order or the settings lack something an invoice must carry; the message names it. */
export class InvalidInvoiceDataError extends PermanentSideEffectError {
  constructor(orderId: string, problem: string) {
    super(`Cannot build the invoice of order ${orderId}: ${problem}`)
    this.name = "InvalidInvoiceDataError"
  }
}
