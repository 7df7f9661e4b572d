import { z } from "@medusajs/framework/zod"
import { orderMailMessageId } from "./message-id"

/**
 * A risk review's courtesy mails to the customer, and how they travel: a queue job named
 * REVIEW_NOTICE_JOB_NAME on the mail queue, once per order and notice. They have no
 * side-effect job: BullMQ's retries and failed set are all there is of them.
 */
export const REVIEW_NOTICES = ["review_received", "review_rejected"] as const
export type ReviewNotice = (typeof REVIEW_NOTICES)[number]

export const REVIEW_NOTICE_JOB_NAME = "review-notice"

/** `review-received-order_01H…`: derived from the order and the notice, so it is queued once. */
export const reviewNoticeJobId = (notice: ReviewNotice, orderId: string) => `${notice.replace("_", "-")}-${orderId}`

export const reviewNoticeMessageId = (notice: ReviewNotice, orderId: string) =>
  orderMailMessageId(notice.replace("_", "-"), orderId)

const reviewNoticePayloadSchema = z
  .object({
    schema_version: z.literal(1),
    notice: z.enum(REVIEW_NOTICES),
    order_id: z.string().min(1),
    correlation_id: z.string().min(1),
  })
  .strict()

export type ReviewNoticePayload = z.infer<typeof reviewNoticePayloadSchema>

export const reviewNoticePayload = (notice: ReviewNotice, orderId: string): ReviewNoticePayload => ({
  schema_version: 1,
  notice,
  order_id: orderId,
  correlation_id: orderId,
})

/** The payload, or why it cannot be sent (the queue job then stays in the failed set). */
export function readReviewNoticePayload(data: unknown): { payload: ReviewNoticePayload } | { problem: string } {
  const parsed = reviewNoticePayloadSchema.safeParse(data)
  return parsed.success ? { payload: parsed.data } : { problem: `malformed review notice: ${parsed.error.issues[0].message}` }
}
