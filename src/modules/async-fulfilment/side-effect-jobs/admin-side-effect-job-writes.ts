import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { SIDE_EFFECT_JOB_TRANSITIONS, SideEffectJobStatus } from "./state-machine"
import { placeholders, toSqlAssignments } from "./sql-assignments"

/** An admin discards failed jobs only: a queued or running one may be about to send its mail. */
export const ADMIN_DISCARDABLE: readonly SideEffectJobStatus[] = ["failed"]

/**
 * Discards the side-effect job if it is still failed, in one conditional statement (the row
 * stays locked until the caller's transaction ends). Null when it is not failed (any more).
 */
export async function discardFailedSideEffectJob(
  manager: SqlEntityManager,
  id: string,
  note: string | null
): Promise<{ order_id: string; kind: SideEffectKind; subject: string } | null> {
  const { to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.discard
  const set = toSqlAssignments({ status: to, ...fields({ note }, new Date()) })
  const rows = await manager.execute(
    `UPDATE af_side_effect_job SET ${set.sql}
     WHERE id = ? AND deleted_at IS NULL AND status IN (${placeholders(ADMIN_DISCARDABLE)})
     RETURNING order_id, kind, subject`,
    [...set.params, id, ...ADMIN_DISCARDABLE]
  )
  return (rows[0] as { order_id: string; kind: SideEffectKind; subject: string } | undefined) ?? null
}

/**
 * Puts these side-effect jobs back to `queued` for an admin's retry, each only if it is still
 * in a state a retry may leave (failed, discarded): one conditional statement. Returns the ids
 * it reset; the caller refuses the retry when one changed meanwhile.
 */
export async function resetSideEffectJobsForRetry(manager: SqlEntityManager, ids: string[]): Promise<string[]> {
  if (!ids.length) {
    return []
  }
  const { from, to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.resetForRetry
  const set = toSqlAssignments({ status: to, ...fields(undefined, new Date()) })
  const rows = await manager.execute(
    `UPDATE af_side_effect_job SET ${set.sql}
     WHERE id IN (${placeholders(ids)}) AND deleted_at IS NULL AND status IN (${placeholders(from)})
     RETURNING id`,
    [...set.params, ...ids, ...from]
  )
  return (rows as { id: string }[]).map((row) => row.id)
}

/** The fields a failed retry puts back, as the rows were before `resetSideEffectJobsForRetry`. */
export interface SideEffectJobBeforeRetry {
  id: string
  status: SideEffectJobStatus
  attempts: number
  last_error: string | null
  last_error_stack_head: string | null
  next_retry_at: Date | string | null
  failed_at: Date | string | null
  discarded_at: Date | string | null
  discard_note: string | null
}

/**
 * Undoes a retry whose queue jobs could not be added: each row goes back to how it was, but only
 * while it is still the `queued` the retry made it. A worker may have started or completed it
 * meanwhile (its old queue job was still running): that outcome is kept, not overwritten.
 */
export async function restoreSideEffectJobsAfterRetry(
  manager: SqlEntityManager,
  rows: SideEffectJobBeforeRetry[]
): Promise<void> {
  const { to: resetTo } = SIDE_EFFECT_JOB_TRANSITIONS.resetForRetry
  for (const row of rows) {
    await manager.execute(
      `UPDATE af_side_effect_job
       SET status = ?, attempts = ?, last_error = ?, last_error_stack_head = ?, next_retry_at = ?,
           failed_at = ?, discarded_at = ?, discard_note = ?, updated_at = now()
       WHERE id = ? AND deleted_at IS NULL AND status = ?`,
      [
        row.status,
        row.attempts,
        row.last_error,
        row.last_error_stack_head,
        row.next_retry_at,
        row.failed_at,
        row.discarded_at,
        row.discard_note,
        row.id,
        resetTo,
      ]
    )
  }
}
