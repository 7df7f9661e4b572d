import { fillTemplate, translationsFor, type InvoiceLanguage, type MailTexts } from "../i18n"
import { escapeHtml } from "./escape-html"
import type { RenderedMail } from "./render-order-mail"
import { greetingFor } from "./templates/greeting"
import type { OrderDocument } from "../types/order-document"

export type ReviewNotice = "review_received" | "review_rejected"

const NOTICE_TEXTS: Record<ReviewNotice, "reviewReceived" | "reviewRejected"> = {
  review_received: "reviewReceived",
  review_rejected: "reviewRejected",
}

/**
 * The mails of a risk review, in the order's language: "we received your order" at once, and
 * the rejection. Pure.
 */
export function renderReviewNotice(
  notice: ReviewNotice,
  order: OrderDocument,
  storeName: string,
  language: InvoiceLanguage = "en"
): RenderedMail {
  const texts: MailTexts = translationsFor(language).mail
  const { subject, paragraphs } = texts[NOTICE_TEXTS[notice]]
  const values = { orderNumber: `#${order.display_id}`, storeName }
  const greeting = greetingFor(order, texts)
  const body = paragraphs.map((paragraph) => fillTemplate(paragraph, values))
  const text = [greeting, "", ...body, "", storeName, ""].join("\n")
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p>${escapeHtml(storeName)}</p>`,
  ].join("\n")
  return { subject: fillTemplate(subject, values), text, html }
}
