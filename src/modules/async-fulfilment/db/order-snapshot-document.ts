import { newRowId } from "./new-row-id"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { ORDER_DOCUMENT_SCHEMA_VERSION, OrderDocument } from "../types/order-document"

/** Stores the orders as placed, once each, in one statement: a repeated `order.placed` keeps the first document. */
export async function insertOrderSnapshots(manager: SqlEntityManager, documents: OrderDocument[]): Promise<void> {
  if (!documents.length) {
    return
  }
  await manager.execute(
    `INSERT INTO af_order_snapshot (id, order_id, display_id, currency_code, schema_version, document)
     VALUES ${documents.map(() => "(?, ?, ?, ?, ?, ?::jsonb)").join(", ")}
     ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING`,
    documents.flatMap((document) => [
      newRowId("afsnap"),
      document.order_id,
      document.display_id,
      document.currency_code,
      ORDER_DOCUMENT_SCHEMA_VERSION,
      JSON.stringify(document),
    ])
  )
}

/** The order document recorded when the order was placed, or null. Read by every queue job. */
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
