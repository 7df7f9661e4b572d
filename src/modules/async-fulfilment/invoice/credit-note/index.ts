export { buildCreditNoteModel, type BuildCreditNoteInput, type CreditNoteScope } from "./build-credit-note-model"
export { splitRefundOverVat, type RefundShare } from "./split-refund-over-vat"
export { CreditExceedsInvoiceError } from "../../errors/credit-exceeds-invoice-error"
export { InvalidCreditNoteError } from "../../errors/invalid-credit-note-error"
