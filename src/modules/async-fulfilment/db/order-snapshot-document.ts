import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

/** The order document recorded when the order was placed, or null. Read by every job. */
export async function findOrderSnapshotDocument(
  manager: SqlEntityManager,
  orderId: string
): Promise<Record<string, unknown> | null> {
  const rows = await manager.execute(
    `SELECT document FROM af_order_snapshot WHERE order_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    [orderId]
  )
  return (rows[0]?.document as Record<string, unknown> | undefined) ?? null
}
