import { fillTemplate, type MailTexts, type ReviewNoticeTexts } from "../i18n"
import type { OrderDocument } from "../types/order-document"
import { escapeHtml } from "./escape-html"
import type { RenderedMail } from "./render-order-mail"
import { greetingFor } from "./templates/greeting"

/** A notice without attachment (the risk review's, a cancellation's): greeting, paragraphs, the store's name. Pure. */
export function renderNoticeMail(
  notice: ReviewNoticeTexts,
  texts: MailTexts,
  order: OrderDocument,
  storeName: string
): RenderedMail {
  const values = { orderNumber: `#${order.display_id}`, storeName }
  const greeting = greetingFor(order, texts)
  const body = notice.paragraphs.map((paragraph) => fillTemplate(paragraph, values))
  const text = [greeting, "", ...body, "", storeName, ""].join("\n")
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p>${escapeHtml(storeName)}</p>`,
  ].join("\n")
  return { subject: fillTemplate(notice.subject, values), text, html }
}
