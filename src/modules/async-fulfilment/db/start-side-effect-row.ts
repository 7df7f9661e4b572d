import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind, SideEffectStatus } from "../types/side-effect"

export interface StartedSideEffectRow {
  /** the status before this call: `completed` and `discarded` rows are left as they were */
  previous_status: SideEffectStatus
  result: unknown
}

/**
 * Marks the order's row of this kind active for this attempt, unless it completed or was
 * discarded, and says what it was: one statement, one round trip, at the start of every job.
 * Null when there is no such row.
 */
export async function startSideEffectRow(
  manager: SqlEntityManager,
  orderId: string,
  kind: SideEffectKind,
  attempt: number
): Promise<StartedSideEffectRow | null> {
  const rows = await manager.execute(
    `WITH target AS (
       SELECT id, status, result FROM af_side_effect_job
       WHERE order_id = ? AND kind = ? AND deleted_at IS NULL
       ORDER BY id LIMIT 1
     ), started AS (
       UPDATE af_side_effect_job AS job
       SET status = 'active', attempts = ?, started_at = now(), next_retry_at = NULL, updated_at = now()
       FROM target
       WHERE job.id = target.id AND target.status NOT IN ('completed', 'discarded')
       RETURNING job.id
     )
     SELECT status AS previous_status, result FROM target`,
    [orderId, kind, attempt]
  )
  return (rows[0] as unknown as StartedSideEffectRow | undefined) ?? null
}
