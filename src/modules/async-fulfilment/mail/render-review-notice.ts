import { translationsFor, type InvoiceLanguage } from "../i18n"
import type { RenderedMail } from "./render-order-mail"
import { renderNoticeMail } from "./render-notice-mail"
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
  const texts = translationsFor(language).mail
  return renderNoticeMail(texts[NOTICE_TEXTS[notice]], texts, order, storeName)
}
