import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"

/** When this store's records begin: orders older than that were never the plugin's to process. */
export async function firstRecordedAt(manager: SqlEntityManager): Promise<Date | null> {
  const [row] = await manager.execute(`SELECT min(created_at) AS first FROM af_side_effect_job`)
  return row?.first ? new Date(row.first) : null
}

/** The given orders that have no side-effect record at all. */
export async function ordersWithoutRecords(manager: SqlEntityManager, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) {
    return []
  }
  const placeholders = orderIds.map(() => "?").join(", ")
  const rows: { order_id: string }[] = await manager.execute(
    `SELECT DISTINCT order_id FROM af_side_effect_job WHERE order_id IN (${placeholders}) AND deleted_at IS NULL`,
    orderIds
  )
  const recorded = new Set(rows.map((row) => row.order_id))
  return orderIds.filter((id) => !recorded.has(id))
}

export interface StuckRow {
  id: string
  order_id: string
  kind: SideEffectKind
  status: "queued" | "active"
}

/** Rows waiting or running with no change for longer than the grace period. */
export async function stuckRows(manager: SqlEntityManager, olderThan: Date, limit: number): Promise<StuckRow[]> {
  return manager.execute(
    `SELECT id, order_id, kind, status FROM af_side_effect_job
     WHERE status IN ('queued', 'active') AND updated_at < ? AND deleted_at IS NULL
     ORDER BY updated_at LIMIT ?`,
    [olderThan, limit]
  )
}
