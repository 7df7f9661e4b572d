import type { InvoiceModelTexts } from "../invoice/model/invoice-model-texts"
import type { InvoicePdfLabels } from "../invoice/pdf/pdf-labels"

/**
 * The order confirmation mail. Placeholders in braces are filled in by the mail templates:
 * {name}, {orderNumber} ("#1042"), {invoiceNumber}, {storeName}, {placedOn}, {quantity},
 * {title}, {total}, {taxTotal}, {amount}, {link}, {url}.
 */
export interface OrderMailTexts {
  subject: string
  /** the HTML <title> */
  htmlTitle: string
  /** the first paragraph, after the greeting */
  intro: string
  columns: { item: string; quantity: string; total: string }
  shipping: string
  total: string
  /** follows the total in the HTML table: "(incl. {taxTotal} tax)" */
  taxIncluded: string
  /** the plain-text lines of the order table */
  textItemLine: string
  textShippingLine: string
  textTotalLine: string
  /** a plain PDF invoice is attached */
  invoiceAttached: string
  /** the attached PDF is a Factur-X / ZUGFeRD hybrid e-invoice */
  invoiceAttachedEInvoice: string
  /** the e-invoice XML is attached too */
  xmlAttached: string
  /** HTML: "{link}" becomes a link whose text is `downloadLinkLabel` */
  downloadLinkHtml: string
  downloadLinkLabel: string
  /** plain text: "{url}" is the link */
  downloadLinkText: string
  /** the attachments' file name without extension; characters a file system refuses become "-" */
  attachmentName: string
}

/** A notice to the customer (the risk review's, a cancellation's): a subject and its paragraphs ({orderNumber}, {storeName}). */
export interface ReviewNoticeTexts {
  subject: string
  paragraphs: string[]
}

/**
 * The mail of a credit note ({orderNumber}, {storeName}, {creditNoteNumber}, {invoiceNumber},
 * {amount}); its PDF is attached as `attachmentName`.pdf.
 */
export interface CreditNoteMailTexts {
  subject: string
  /** the first paragraph, by why the credit note was issued */
  cancellation: string
  refund: string
  /** the mail of a return's credit note */
  return: string
  paragraphs: string[]
  attachmentName: string
}

export interface MailTexts {
  /** "Hello {name}," */
  greeting: string
  /** the greeting when the order names nobody */
  greetingWithoutName: string
  orderConfirmation: OrderMailTexts
  reviewReceived: ReviewNoticeTexts
  reviewRejected: ReviewNoticeTexts
  /** an order canceled before it was invoiced: no credit note to attach */
  orderCanceled: ReviewNoticeTexts
  creditNote: CreditNoteMailTexts
}

/**
 * Everything the plugin writes to a customer in one language. One file per language under
 * `languages/`; `index.ts` registers them.
 */
export interface Translations {
  /** BCP 47 locale of numbers, amounts and dates ("pl-PL"); its language is the file's */
  locale: string
  invoicePdf: InvoicePdfLabels
  invoiceModel: InvoiceModelTexts
  mail: MailTexts
}
