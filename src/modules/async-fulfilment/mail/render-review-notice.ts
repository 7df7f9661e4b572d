import { escapeHtml } from "./escape-html"
import type { RenderedMail } from "./render-order-mail"
import type { OrderDocument } from "../types/order-document"

export type ReviewNotice = "review_received" | "review_rejected"

const greeting = (order: OrderDocument) => {
  const name = order.customer?.first_name ?? order.billing_address?.first_name
  return name ? `Hello ${name},` : "Hello,"
}

const paragraphs: Record<ReviewNotice, (number: string, store: string) => { subject: string; body: string[] }> = {
  review_received: (number, store) => ({
    subject: `We received your order ${number}`,
    body: [
      `thank you for your order ${number} at ${store}.`,
      "Because of its size we check it before we confirm it; this usually takes one business day.",
      "You will receive the confirmation with your invoice as soon as it is approved.",
    ],
  }),
  review_rejected: (number, store) => ({
    subject: `Your order ${number} could not be accepted`,
    body: [
      `we are sorry: ${store} could not accept your order ${number}, and it has been canceled.`,
      "No invoice was issued. Any payment authorised for it is released or refunded.",
      "Please contact us if you have questions.",
    ],
  }),
}

/** The mails of a risk review: "we received your order" at once, and the rejection. Pure. */
export function renderReviewNotice(notice: ReviewNotice, order: OrderDocument, storeName: string): RenderedMail {
  const { subject, body } = paragraphs[notice](`#${order.display_id}`, storeName)
  const text = [greeting(order), "", ...body, "", storeName, ""].join("\n")
  const html = [
    `<p>${escapeHtml(greeting(order))}</p>`,
    ...body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p>${escapeHtml(storeName)}</p>`,
  ].join("\n")
  return { subject, text, html }
}
