import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectQueues } from "../queues/side-effect-queues"
import { SIDE_EFFECT_KINDS, SideEffectKind } from "../types/side-effect"
import { countSideEffectJobs } from "../side-effect-jobs/count-side-effect-jobs"
import type { SideEffectKindStats, SideEffectStats } from "./side-effect-stats"

export type { SideEffectKindStats, SideEffectStats }

const RATE_WINDOW_MINUTES = 5

/**
 * Live queue state from BullMQ (waiting, active, delayed, oldest wait), history from Postgres
 * (failed and held side-effect jobs, completions, throughput over the last five minutes).
 */
export async function collectSideEffectStats(
  queues: SideEffectQueues,
  manager: SqlEntityManager
): Promise<SideEffectStats> {
  const countsByKind = await countSideEffectJobs(manager, RATE_WINDOW_MINUTES)
  const now = Date.now()

  const entries = await Promise.all(
    SIDE_EFFECT_KINDS.map(async (kind) => {
      const queue = queues.queue(kind)
      const counts = await queue.getJobCounts("wait", "prioritized", "waiting-children", "active", "delayed")
      const [oldest] = await queue.getJobs(["wait", "prioritized"], 0, 0, true)
      const jobs = countsByKind[kind]
      const stats: SideEffectKindStats = {
        waiting: counts.wait + counts.prioritized + counts["waiting-children"],
        active: counts.active,
        delayed: counts.delayed,
        failed: jobs?.failed ?? 0,
        held: jobs?.held ?? 0,
        completed_last_hour: jobs?.completed_last_hour ?? 0,
        completed_last_day: jobs?.completed_last_day ?? 0,
        oldest_waiting_age_ms: oldest ? Math.max(0, now - oldest.timestamp) : null,
        processing_rate_per_minute: (jobs?.completed_in_window ?? 0) / RATE_WINDOW_MINUTES,
      }
      return [kind, stats] as const
    })
  )
  return Object.fromEntries(entries) as SideEffectStats
}
