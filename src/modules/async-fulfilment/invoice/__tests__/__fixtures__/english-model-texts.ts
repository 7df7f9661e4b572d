import type { InvoiceModelTexts } from "../../model/invoice-model-texts"

/** The English texts of the invoice model, as a translations file provides them. */
export const ENGLISH_MODEL_TEXTS: InvoiceModelTexts = {
  shippingLineName: "Shipping",
  discountReason: "Discount",
  reverseChargeReason: "Reverse charge",
  reverseChargeNote: "Reverse charge: the buyer accounts for the VAT (Article 196 of Council Directive 2006/112/EC)",
  exemptReason: "Exempt from VAT",
  exportReason: "Export outside the EU",
  paidTerms: "Paid",
  dueTerms: "Payable within {days} days, by {dueDate}",
  paymentMeansTransfer: "Bank transfer",
  paymentMeansPaidOnline: "Paid online",
  creditNoteRefundLine: "Refund",
  creditNoteCancellationNote: "Corrects invoice {invoiceNumber} of {invoiceDate}: the order was cancelled.",
  creditNoteRefundNote: "Corrects invoice {invoiceNumber} of {invoiceDate}: refund.",
  creditNoteReturnNote: "Corrects invoice {invoiceNumber} of {invoiceDate}: returned goods.",
  creditNoteRefundedTerms: "Refunded to the original means of payment",
  creditNoteOffsetTerms: "Reduces the amount due on invoice {invoiceNumber}",
}
