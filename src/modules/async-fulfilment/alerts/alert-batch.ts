import type { SideEffectKind } from "../types/side-effect"

/** What a worker noticed: a side-effect job that reached the failed set, or a queue waiting too long. */
export type AlertSignal =
  | { reason: "failed"; order_id: string; message: string }
  | { reason: "waiting"; oldest_waiting_seconds: number; waiting: number }

/** Everything folded into one alert of a kind: ids and counts, no personal data. */
export interface AlertBatch {
  kind: SideEffectKind
  /** side-effect jobs that reached the failed set (after their last attempt) */
  failed: number
  /** the failed jobs' orders, most recent first (at most ORDER_IDS_KEPT) */
  order_ids: string[]
  last_error: string | null
  /** checks that found the oldest waiting queue job past the threshold */
  waiting_checks: number
  oldest_waiting_seconds: number | null
  waiting: number | null
  /** when the first and the last of these happened (ISO 8601) */
  first_at: string
  last_at: string
}

export const ORDER_IDS_KEPT = 10
/** an error message is quoted up to this length: the alert is a pointer, the Admin page has the rest */
export const ERROR_EXCERPT_CHARS = 300
