import type { SideEffectKind } from "../types/side-effect"

/** One kind's counters, as GET /admin/async-fulfilment/stats answers them. */
export interface SideEffectKindStats {
  waiting: number
  active: number
  delayed: number
  failed: number
  held: number
  completed_last_hour: number
  completed_last_day: number
  oldest_waiting_age_ms: number | null
  processing_rate_per_minute: number
}

export type SideEffectStats = Record<SideEffectKind, SideEffectKindStats>
