import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectQueues } from "../queues/side-effect-queues"
import { SIDE_EFFECT_KINDS, SideEffectKind } from "../types/side-effect"

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

const RATE_WINDOW_MINUTES = 5

/**
 * Live queue state from BullMQ (waiting, active, delayed, oldest wait), history from Postgres
 * (failed and held records, completions, throughput over the last five minutes).
 */
export async function collectSideEffectStats(
  queues: SideEffectQueues,
  manager: SqlEntityManager
): Promise<SideEffectStats> {
  const rows: Record<string, string | number>[] = await manager.execute(
    `SELECT kind,
       count(*) FILTER (WHERE status = 'failed') AS failed,
       count(*) FILTER (WHERE status = 'held') AS held,
       count(*) FILTER (WHERE completed_at > now() - interval '1 hour') AS completed_last_hour,
       count(*) FILTER (WHERE completed_at > now() - interval '1 day') AS completed_last_day,
       count(*) FILTER (WHERE completed_at > now() - interval '${RATE_WINDOW_MINUTES} minutes') AS completed_in_window
     FROM af_side_effect_job WHERE deleted_at IS NULL GROUP BY kind`
  )
  const byKind = new Map(rows.map((row) => [row.kind as string, row]))
  const now = Date.now()

  const entries = await Promise.all(
    SIDE_EFFECT_KINDS.map(async (kind) => {
      const queue = queues.queue(kind)
      const counts = await queue.getJobCounts("wait", "prioritized", "waiting-children", "active", "delayed")
      const [oldest] = await queue.getJobs(["wait", "prioritized"], 0, 0, true)
      const record = byKind.get(kind) ?? {}
      const stats: SideEffectKindStats = {
        waiting: counts.wait + counts.prioritized + counts["waiting-children"],
        active: counts.active,
        delayed: counts.delayed,
        failed: Number(record.failed ?? 0),
        held: Number(record.held ?? 0),
        completed_last_hour: Number(record.completed_last_hour ?? 0),
        completed_last_day: Number(record.completed_last_day ?? 0),
        oldest_waiting_age_ms: oldest ? Math.max(0, now - oldest.timestamp) : null,
        processing_rate_per_minute: Number(record.completed_in_window ?? 0) / RATE_WINDOW_MINUTES,
      }
      return [kind, stats] as const
    })
  )
  return Object.fromEntries(entries) as SideEffectStats
}
