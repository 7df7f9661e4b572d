import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectStart } from "../runtime/side-effect-job-progress"
import { canTransition, SIDE_EFFECT_JOB_TRANSITIONS, SideEffectJobStatus } from "./state-machine"
import { placeholders, toSqlAssignments } from "./sql-assignments"

/** What a queue job does with its side-effect job: run, or stop because it completed, was discarded or is missing. */
export function startOf(job: { status: SideEffectJobStatus; result: unknown } | null): SideEffectStart {
  if (!job) {
    return { state: "missing" }
  }
  if (canTransition("start", job.status)) {
    return { state: "run" }
  }
  return job.status === "completed" ? { state: "completed", result: job.result } : { state: "discarded" }
}

/**
 * Starts the order's side-effect job of this kind for this attempt, where the state machine
 * allows it, and says what the job was: one statement, one round trip, at the start of every
 * queue job. Null when there is no such side-effect job.
 */
export async function startSideEffectJob(
  manager: SqlEntityManager,
  orderId: string,
  kind: SideEffectKind,
  attempt: number,
  subject = ""
): Promise<{ status: SideEffectJobStatus; result: unknown } | null> {
  const { from, to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.start
  const set = toSqlAssignments({ status: to, ...fields({ attempt }, new Date()) })
  const rows = await manager.execute(
    `WITH target AS (
       SELECT id, status, result FROM af_side_effect_job
       WHERE order_id = ? AND kind = ? AND subject = ? AND deleted_at IS NULL
       ORDER BY id LIMIT 1
     ), started AS (
       UPDATE af_side_effect_job AS job SET ${set.sql}
       FROM target
       WHERE job.id = target.id AND target.status IN (${placeholders(from)})
       RETURNING job.id
     )
     SELECT status, result FROM target`,
    [orderId, kind, subject, ...set.params, ...from]
  )
  return (rows[0] as { status: SideEffectJobStatus; result: unknown } | undefined) ?? null
}
