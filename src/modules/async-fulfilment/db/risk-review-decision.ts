import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

export interface RiskDecisionRecord {
  review_id: string
  decision: "approved" | "rejected"
  decided_by: string | null
  note: string | null
  decided_at: Date
}

/**
 * Records the decision only while the review is pending, in one statement: of two admins
 * deciding at the same moment, Postgres lets exactly one update the row; the other gets null.
 */
export async function recordRiskDecisionRow(
  manager: SqlEntityManager,
  record: RiskDecisionRecord
): Promise<{ id: string; order_id: string } | null> {
  const rows = await manager.execute(
    `UPDATE af_risk_review SET status = ?, decided_by = ?, decided_at = ?, note = ?, updated_at = now()
     WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
     RETURNING id, order_id`,
    [record.decision, record.decided_by, record.decided_at, record.note, record.review_id]
  )
  return (rows[0] as unknown as { id: string; order_id: string } | undefined) ?? null
}

/** Back to pending, only if the review still holds this very decision (nothing else decided since). */
export async function undoRiskDecisionRow(manager: SqlEntityManager, record: RiskDecisionRecord): Promise<boolean> {
  const rows = await manager.execute(
    `UPDATE af_risk_review SET status = 'pending', decided_by = NULL, decided_at = NULL, note = NULL, updated_at = now()
     WHERE id = ? AND status = ? AND decided_at = ? AND deleted_at IS NULL
     RETURNING id`,
    [record.review_id, record.decision, record.decided_at]
  )
  return rows.length > 0
}
