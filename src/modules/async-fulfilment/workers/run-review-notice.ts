import { Job, UnrecoverableError } from "bullmq"
import { z } from "@medusajs/framework/zod"
import { renderReviewNotice } from "../mail/render-review-notice"
import { sendInvoiceMail } from "../mail/send-invoice-mail"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { toQueueError } from "../retry-policy"

export const REVIEW_NOTICE_JOB_NAME = "review-notice"

const noticePayloadSchema = z
  .object({
    schema_version: z.literal(1),
    notice: z.enum(["review_received", "review_rejected"]),
    order_id: z.string().min(1),
    correlation_id: z.string().min(1),
  })
  .strict()

export type ReviewNoticePayload = z.infer<typeof noticePayloadSchema>

/**
 * A risk review's courtesy mail on the mail queue. It has no side-effect row: BullMQ's retries
 * and failed set are its record, and its Message-ID is derived from the order and the notice.
 */
export async function runReviewNotice(job: Job, { documents, options, mailer }: ProcessorRuntime) {
  const parsed = noticePayloadSchema.safeParse(job.data)
  if (!parsed.success) {
    throw new UnrecoverableError(`malformed review notice: ${parsed.error.issues[0].message}`)
  }
  const { notice, order_id } = parsed.data
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
      ...renderReviewNotice(notice, order, options.invoice.seller.name),
      messageId: `<${notice.replace("_", "-")}.${order_id}@medusa-plugin-async-fulfilment>`,
    })
    return { notice, message_id: sent.messageId }
  } catch (error) {
    throw toQueueError(error)
  }
}
