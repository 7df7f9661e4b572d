import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectJobStatus } from "./state-machine"

/** The statuses the stats count, Postgres being their only source (BullMQ counts the rest). */
export const COUNTED_STATUSES = ["failed", "held"] as const satisfies readonly SideEffectJobStatus[]

export type SideEffectJobCounts = Record<(typeof COUNTED_STATUSES)[number], number> & {
  completed_last_hour: number
  completed_last_day: number
  completed_in_window: number
}

/** Per kind: failed and held side-effect jobs, and completions over the last hour, day and `windowMinutes`. */
export async function countSideEffectJobs(
  manager: SqlEntityManager,
  windowMinutes: number
): Promise<Partial<Record<SideEffectKind, SideEffectJobCounts>>> {
  const counts: Record<string, string | number>[] = await manager.execute(
    `SELECT kind,
       count(*) FILTER (WHERE status = ?) AS failed,
       count(*) FILTER (WHERE status = ?) AS held,
       count(*) FILTER (WHERE completed_at > now() - interval '1 hour') AS completed_last_hour,
       count(*) FILTER (WHERE completed_at > now() - interval '1 day') AS completed_last_day,
       count(*) FILTER (WHERE completed_at > now() - make_interval(mins => ?::integer)) AS completed_in_window
     FROM af_side_effect_job WHERE deleted_at IS NULL GROUP BY kind`,
    [...COUNTED_STATUSES, windowMinutes]
  )
  return Object.fromEntries(
    counts.map((row) => [
      row.kind,
      {
        failed: Number(row.failed),
        held: Number(row.held),
        completed_last_hour: Number(row.completed_last_hour),
        completed_last_day: Number(row.completed_last_day),
        completed_in_window: Number(row.completed_in_window),
      },
    ])
  )
}
