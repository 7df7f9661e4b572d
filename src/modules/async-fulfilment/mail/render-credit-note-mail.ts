import { fillTemplate, translationsFor, type MailTexts } from "../i18n"
import { formatMoney } from "../i18n/format"
import type { InvoiceModel } from "../invoice/model"
import type { OrderDocument } from "../types/order-document"
import { escapeHtml } from "./escape-html"
import type { RenderedMail } from "./render-order-mail"
import { greetingFor } from "./templates/greeting"

export interface RenderedCreditNoteMail extends RenderedMail {
  /** "credit-note-CN-2026-000001.pdf", in the mail's language */
  pdfFilename: string
}

export interface CreditNoteMailInput {
  order: OrderDocument
  creditNote: { reason: "cancellation" | "refund" | "return"; model: InvoiceModel }
  storeName: string
}

const UNSAFE_FILENAME_CHARACTERS = /[\\/:*?"<>|\s\u0000-\u001f]+/g

/** The mail of a credit note, in its language (the invoice's, which is the order's). Pure. */
export function renderCreditNoteMail({ order, creditNote, storeName }: CreditNoteMailInput): RenderedCreditNoteMail {
  const { model, reason } = creditNote
  const translations = translationsFor(model.language)
  const texts: MailTexts = translations.mail
  const values = {
    orderNumber: `#${order.display_id}`,
    storeName,
    creditNoteNumber: model.number,
    invoiceNumber: model.precedingInvoice?.number ?? "",
    amount: formatMoney(model.totals.grossTotal, model.currencyCode, translations.locale),
  }
  const greeting = greetingFor(order, texts)
  const body = [texts.creditNote[reason], ...texts.creditNote.paragraphs].map((paragraph) => fillTemplate(paragraph, values))
  const text = [greeting, "", ...body, "", storeName, ""].join("\n")
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p>${escapeHtml(storeName)}</p>`,
  ].join("\n")
  const basename = fillTemplate(texts.creditNote.attachmentName, values).replace(UNSAFE_FILENAME_CHARACTERS, "-")
  return { subject: fillTemplate(texts.creditNote.subject, values), text, html, pdfFilename: `${basename}.pdf` }
}
