import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { SIDE_EFFECT_JOB_TRANSITIONS } from "./state-machine"
import { placeholders, toSqlAssignments } from "./sql-assignments"

/**
 * One statement, straight after the side effect: the shorter the time between an SMTP server's
 * acceptance and this commit, the smaller the window in which a dying worker causes a resend.
 */
export async function completeSideEffectJob(
  manager: SqlEntityManager,
  orderId: string,
  kind: SideEffectKind,
  result: unknown,
  subject = ""
): Promise<void> {
  const { from, to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.complete
  const set = toSqlAssignments({ status: to, ...fields({ result }, new Date()) })
  await manager.execute(
    `UPDATE af_side_effect_job SET ${set.sql}
     WHERE order_id = ? AND kind = ? AND subject = ? AND deleted_at IS NULL AND status IN (${placeholders(from)})`,
    [...set.params, orderId, kind, subject, ...from]
  )
}
