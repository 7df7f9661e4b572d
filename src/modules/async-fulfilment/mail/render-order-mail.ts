import { fillTemplate } from "../i18n"
import { orderConfirmationHtml } from "./templates/order-confirmation.html"
import { orderConfirmationText } from "./templates/order-confirmation.text"
import {
  buildOrderConfirmationView,
  type OrderConfirmationInput,
} from "./templates/order-confirmation-view"

export type { OrderConfirmationInput } from "./templates/order-confirmation-view"

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

export interface RenderedOrderMail extends RenderedMail {
  /** the invoice PDF's attachment name in the mail's language: "faktura-FV-2026-000001.pdf" */
  pdfFilename: string
  /** the e-invoice XML's, when it is attached */
  xmlFilename: string
}

// Characters that Windows or a Unix path refuses, and white space: "FV/2026/1" → "FV-2026-1".
const UNSAFE_FILENAME_CHARACTERS = /[\\/:*?"<>|\s\u0000-\u001f]+/g

/** Pure: the same order and invoice always give the same mail. */
export function renderOrderConfirmationMail(input: OrderConfirmationInput): RenderedOrderMail {
  const view = buildOrderConfirmationView(input)
  const basename = fillTemplate(view.texts.attachmentName, { invoiceNumber: view.invoiceNumber }).replace(
    UNSAFE_FILENAME_CHARACTERS,
    "-"
  )
  return {
    subject: fillTemplate(view.texts.subject, { orderNumber: view.orderNumber, invoiceNumber: view.invoiceNumber }),
    text: orderConfirmationText(view),
    html: orderConfirmationHtml(view),
    pdfFilename: `${basename}.pdf`,
    xmlFilename: `${basename}.xml`,
  }
}
