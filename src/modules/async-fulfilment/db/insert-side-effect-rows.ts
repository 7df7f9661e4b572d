import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { SideEffectKind, SideEffectStatus } from "../types/side-effect"
import { sideEffectJobId } from "../queues/names"

export interface NewSideEffectRow {
  order_id: string
  order_display_id: number | null
  kind: SideEffectKind
  status: SideEffectStatus
  max_attempts: number
  event_id: string | null
}

/**
 * Inserts the rows that do not exist yet and returns the kinds it inserted. A repeated or
 * concurrent `order.placed` for the same order inserts nothing, and so enqueues nothing.
 */
export async function insertMissingSideEffectRows(
  manager: SqlEntityManager,
  rows: NewSideEffectRow[]
): Promise<SideEffectKind[]> {
  if (!rows.length) {
    return []
  }
  const values = rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")
  const params = rows.flatMap((row) => [
    generateEntityId(undefined, "afjob"),
    row.order_id,
    row.order_display_id,
    row.kind,
    row.status,
    sideEffectJobId(row.kind, row.order_id),
    row.max_attempts,
    row.event_id,
  ])
  const inserted: { kind: SideEffectKind }[] = await manager.execute(
    `INSERT INTO af_side_effect_job (id, order_id, order_display_id, kind, status, bullmq_job_id, max_attempts, event_id)
     VALUES ${values}
     ON CONFLICT (order_id, kind) WHERE deleted_at IS NULL DO NOTHING
     RETURNING kind`,
    params
  )
  return inserted.map((row) => row.kind)
}
