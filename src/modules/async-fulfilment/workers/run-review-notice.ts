import { Job, UnrecoverableError } from "bullmq"
import { resolveInvoiceLanguage } from "../i18n"
import { readReviewNoticePayload, reviewNoticeMessageId } from "../mail/review-notices"
import { renderReviewNotice } from "../mail/render-review-notice"
import { sendInvoiceMail } from "../mail/send-invoice-mail"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { toQueueError } from "../retry-policy"

/** Sends a risk review's courtesy mail (mail/review-notices.ts): a queue job of the mail queue. */
export async function runReviewNotice(job: Job, { documents, options, mailer }: ProcessorRuntime) {
  const read = readReviewNoticePayload(job.data)
  if ("problem" in read) {
    throw new UnrecoverableError(read.problem)
  }
  const { notice, order_id } = read.payload
  if (!mailer || !options.smtp) {
    throw new UnrecoverableError("mail is disabled: the plugin has no `smtp` option")
  }
  const order = await documents.retrieveOrderDocument(order_id)
  if (!order.email) {
    throw new UnrecoverableError(`order ${order_id} has no e-mail address`)
  }
  try {
    const sent = await sendInvoiceMail(mailer, {
      from: options.smtp.from,
      to: order.email,
      ...renderReviewNotice(
        notice,
        order,
        options.invoice.seller.name,
        resolveInvoiceLanguage(order, options.invoice.languages)
      ),
      messageId: reviewNoticeMessageId(notice, order_id),
    })
    return { notice, message_id: sent.messageId }
  } catch (error) {
    throw toQueueError(error)
  }
}
