/** The three side effects of a placed order; each is one BullMQ queue and one row per order. */
export const SIDE_EFFECT_KINDS = ["invoice", "mail", "erp"] as const
export type SideEffectKind = (typeof SIDE_EFFECT_KINDS)[number]

/**
 * `queued`: waiting in BullMQ (first run or a retry after backoff); `active`: a worker holds it;
 * `held`: recorded but not enqueued (risk review); `completed`/`failed`: final.
 */
export const SIDE_EFFECT_STATUSES = ["queued", "active", "completed", "failed", "held"] as const
export type SideEffectStatus = (typeof SIDE_EFFECT_STATUSES)[number]

export interface SideEffectAttemptError {
  attempt: number
  message: string
  at: string
  final: boolean
}
