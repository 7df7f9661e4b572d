import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { SIDE_EFFECT_JOB_TRANSITIONS, SideEffectJobStatus } from "./state-machine"
import { placeholders, toSqlAssignments } from "./sql-assignments"

/** What a cancellation discards: everything not running or done (a running job cannot be stopped). */
export const PENDING_STATUSES: readonly SideEffectJobStatus[] = ["queued", "failed", "held"]

/**
 * Discards the order's own side-effect jobs of these kinds that are still pending, in one
 * conditional statement: a worker starts a job only from a status it may leave, so a row this
 * discards is never run, and a row a worker started first is left to it. Returns what it discarded.
 */
export async function discardPendingSideEffectJobs(
  manager: SqlEntityManager,
  orderId: string,
  kinds: SideEffectKind[],
  note: string
): Promise<SideEffectKind[]> {
  if (!kinds.length) {
    return []
  }
  const { to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.discard
  const set = toSqlAssignments({ status: to, ...fields({ note }, new Date()) })
  const rows = await manager.execute(
    `UPDATE af_side_effect_job SET ${set.sql}
     WHERE order_id = ? AND subject = '' AND kind IN (${placeholders(kinds)}) AND deleted_at IS NULL
       AND status IN (${placeholders(PENDING_STATUSES)})
     RETURNING kind`,
    [...set.params, orderId, ...kinds, ...PENDING_STATUSES]
  )
  return (rows as { kind: SideEffectKind }[]).map((row) => row.kind)
}
