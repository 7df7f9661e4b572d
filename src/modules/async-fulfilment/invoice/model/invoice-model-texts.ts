/**
 * The few texts the invoice model itself carries (they reach the XML as well as the PDF), in the
 * invoice's language. Every language file of `i18n/` provides them.
 */
export interface InvoiceModelTexts {
  /** a shipping line whose method has no name */
  shippingLineName: string
  /** BT-139 of a line's promotion discount */
  discountReason: string
  /** BT-120 of category AE */
  reverseChargeReason: string
  /** BT-22 printed and sent on a reverse-charge invoice */
  reverseChargeNote: string
  /** BT-120 of category E when the tax rate names no reason */
  exemptReason: string
  /** BT-120 of category G */
  exportReason: string
  /** BT-20 of a paid invoice */
  paidTerms: string
  /** BT-20 of an unpaid invoice: "{days}" and "{dueDate}" are replaced */
  dueTerms: string
  /** BT-82 for a bank transfer */
  paymentMeansTransfer: string
  /** BT-82 for a payment Medusa captured or authorised */
  paymentMeansPaidOnline: string
  /** BT-153 of a credit note's line for a refund not tied to returned lines */
  creditNoteRefundLine: string
  /** BT-22 of a credit note for a cancelled order: "{invoiceNumber}", "{invoiceDate}" are replaced */
  creditNoteCancellationNote: string
  /** BT-22 of a credit note for a refund */
  creditNoteRefundNote: string
  /** BT-22 of a credit note for returned goods */
  creditNoteReturnNote: string
  /** BT-20 of a credit note whose amount went back to the customer's payment */
  creditNoteRefundedTerms: string
  /** BT-20 of a credit note for an invoice not paid yet: "{invoiceNumber}" is replaced */
  creditNoteOffsetTerms: string
}
