/** The three side effects of a placed order; each is one BullMQ queue and one row per order. */
export const SIDE_EFFECT_KINDS = ["invoice", "mail", "erp"] as const
export type SideEffectKind = (typeof SIDE_EFFECT_KINDS)[number]

/**
 * `queued`: waiting in BullMQ (first run, or a retry once `next_retry_at` passes); `active`: a
 * worker holds it; `held`: recorded but not enqueued (risk review); `completed`/`failed`: final
 * until an admin retries; `discarded`: a failure an admin gave up on, kept for audit.
 */
export const SIDE_EFFECT_STATUSES = ["queued", "active", "completed", "failed", "held", "discarded"] as const
export type SideEffectStatus = (typeof SIDE_EFFECT_STATUSES)[number]

export interface SideEffectAttemptError {
  attempt: number
  message: string
  /** the first line of the stack that threw, where in our code it failed */
  stack_head: string | null
  at: string
  final: boolean
}
