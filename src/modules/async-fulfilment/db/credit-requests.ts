import { newRowId } from "./new-row-id"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

export type CreditRequestReason = "refund" | "return"

/** "credited": its credit note was issued; "absorbed": another credit note already takes it back; "not_invoiced": nothing to credit */
export type CreditRequestOutcome = "credited" | "absorbed" | "not_invoiced"

export interface RefundDetails {
  refund_id: string
  payment_id: string
  /** the refunded amount, main unit */
  amount: number
}

export interface ReturnDetails {
  return_id: string
  /** the order's line items and the quantities received back */
  lines: { item_id: string; quantity: number }[]
}

export interface CreditRequestRow {
  id: string
  order_id: string
  source_key: string
  reason: CreditRequestReason
  details: RefundDetails | ReturnDetails
  order_canceled: boolean
  outcome: CreditRequestOutcome | null
  credit_note_id: string | null
  absorbed_minor: number
  absorbed_by: string | null
}

export interface NewCreditRequest {
  order_id: string
  source_key: string
  reason: CreditRequestReason
  details: RefundDetails | ReturnDetails
  order_canceled: boolean
}

const COLUMNS = "id, order_id, source_key, reason, details, order_canceled, outcome, credit_note_id, absorbed_minor, absorbed_by"

/** Inserts the requests not recorded yet (by source key) and returns those inserted: a repeated event inserts nothing. */
export async function insertMissingCreditRequests(manager: SqlEntityManager, requests: NewCreditRequest[]): Promise<CreditRequestRow[]> {
  if (!requests.length) {
    return []
  }
  const values = requests.map(() => "(?, ?, ?, ?, ?::jsonb, ?)").join(", ")
  const params = requests.flatMap((request) => [
    newRowId("afcr"),
    request.order_id,
    request.source_key,
    request.reason,
    JSON.stringify(request.details),
    request.order_canceled,
  ])
  const rows = await manager.execute(
    `INSERT INTO af_credit_request (id, order_id, source_key, reason, details, order_canceled)
     VALUES ${values}
     ON CONFLICT (source_key) WHERE deleted_at IS NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    params
  )
  return rows as unknown as CreditRequestRow[]
}

export async function lockCreditRequest(manager: SqlEntityManager, id: string): Promise<CreditRequestRow | null> {
  const rows = await manager.execute(`SELECT ${COLUMNS} FROM af_credit_request WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
  return (rows[0] as unknown as CreditRequestRow | undefined) ?? null
}

export async function findCreditRequestsBySourceKeys(manager: SqlEntityManager, sourceKeys: string[]): Promise<CreditRequestRow[]> {
  if (!sourceKeys.length) {
    return []
  }
  const rows = await manager.execute(
    `SELECT ${COLUMNS} FROM af_credit_request WHERE source_key IN (${sourceKeys.map(() => "?").join(", ")}) AND deleted_at IS NULL`,
    sourceKeys
  )
  return rows as unknown as CreditRequestRow[]
}

export async function findOrderCreditRequests(manager: SqlEntityManager, orderId: string): Promise<CreditRequestRow[]> {
  const rows = await manager.execute(
    `SELECT ${COLUMNS} FROM af_credit_request WHERE order_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    [orderId]
  )
  return rows as unknown as CreditRequestRow[]
}

export async function recordCreditRequestOutcome(
  manager: SqlEntityManager,
  id: string,
  outcome: { outcome: CreditRequestOutcome; credit_note_id?: string | null; absorbed_minor?: number; absorbed_by?: string | null }
): Promise<CreditRequestRow> {
  const [row] = await manager.execute(
    `UPDATE af_credit_request SET outcome = ?, credit_note_id = ?, absorbed_minor = ?, absorbed_by = ?, updated_at = now()
     WHERE id = ? RETURNING ${COLUMNS}`,
    [outcome.outcome, outcome.credit_note_id ?? null, outcome.absorbed_minor ?? 0, outcome.absorbed_by ?? null, id]
  )
  return row as unknown as CreditRequestRow
}

/**
 * What the order's returns still hold for later refunds, in minor units: the gross of its
 * return credit notes minus the refund amounts they already absorbed. Read under the invoice's
 * lock, so concurrent refunds of one order absorb one after another.
 */
export async function unabsorbedReturnCreditMinor(manager: SqlEntityManager, orderId: string, digits: number): Promise<number> {
  const [{ returned }] = await manager.execute(
    `SELECT COALESCE(SUM((model -> 'totals' ->> 'grossTotal')::numeric), 0) AS returned
     FROM af_credit_note WHERE order_id = ? AND reason = 'return' AND deleted_at IS NULL`,
    [orderId]
  )
  const [{ absorbed }] = await manager.execute(
    `SELECT COALESCE(SUM(absorbed_minor), 0) AS absorbed
     FROM af_credit_request WHERE order_id = ? AND absorbed_by = 'return' AND deleted_at IS NULL`,
    [orderId]
  )
  return Math.round(Number(returned) * 10 ** digits) - Number(absorbed)
}
