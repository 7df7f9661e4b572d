import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { IN_QUEUE_STATUSES } from "./state-machine"
import { placeholders } from "./sql-assignments"

/** When this store's side-effect jobs begin: orders older than that were never the plugin's to process. */
export async function firstRecordedAt(manager: SqlEntityManager): Promise<Date | null> {
  const [first] = await manager.execute(`SELECT min(created_at) AS first FROM af_side_effect_job`)
  return first?.first ? new Date(first.first) : null
}

/** The given orders that have no side-effect job at all. */
export async function ordersWithoutSideEffectJobs(manager: SqlEntityManager, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) {
    return []
  }
  const found: { order_id: string }[] = await manager.execute(
    `SELECT DISTINCT order_id FROM af_side_effect_job WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL`,
    orderIds
  )
  const recorded = new Set(found.map((job) => job.order_id))
  return orderIds.filter((id) => !recorded.has(id))
}

export interface StuckSideEffectJob {
  id: string
  order_id: string
  kind: SideEffectKind
  status: (typeof IN_QUEUE_STATUSES)[number]
}

/** Side-effect jobs waiting or running with no change for longer than the grace period. */
export async function findStuckSideEffectJobs(
  manager: SqlEntityManager,
  olderThan: Date,
  limit: number
): Promise<StuckSideEffectJob[]> {
  return manager.execute(
    `SELECT id, order_id, kind, status FROM af_side_effect_job
     WHERE status IN (${placeholders(IN_QUEUE_STATUSES)}) AND updated_at < ? AND deleted_at IS NULL
     ORDER BY updated_at LIMIT ?`,
    [...IN_QUEUE_STATUSES, olderThan, limit]
  )
}
