import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { OrderDocument } from "../types/order-document"
import { placeholders } from "../side-effect-jobs/sql-assignments"
import { withoutPersonalData } from "./without-personal-data"

/** Statuses after which nothing reads the order document again (a failed job may still be retried). */
export const ERASABLE_JOB_STATUSES = ["completed", "discarded"] as const

export interface UnfinishedJob {
  order_id: string
  kind: string
  /** "" for the order's own, a credit note's id for its */
  subject: string
  status: string
}

/** The orders of a customer that the plugin recorded; their snapshot rows stay locked until commit. */
export async function lockCustomerOrders(manager: SqlEntityManager, customerId: string): Promise<string[]> {
  const rows = await manager.execute(
    `SELECT order_id FROM af_order_snapshot
     WHERE deleted_at IS NULL AND document->'customer'->>'id' = ?
     ORDER BY order_id FOR UPDATE`,
    [customerId]
  )
  return rows.map((row) => row.order_id as string)
}

/**
 * Snapshots older than `days` that still hold personal data and whose jobs are all done, locked;
 * rows another sweep holds are skipped.
 */
export async function lockExpiredOrders(manager: SqlEntityManager, days: number, limit: number): Promise<string[]> {
  const rows = await manager.execute(
    `SELECT s.order_id FROM af_order_snapshot s
     WHERE s.deleted_at IS NULL
       AND s.created_at < now() - make_interval(days => ?::int)
       AND s.document->>'erased_at' IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM af_side_effect_job j
         WHERE j.order_id = s.order_id AND j.deleted_at IS NULL AND j.status NOT IN (${placeholders(ERASABLE_JOB_STATUSES)})
       )
     ORDER BY s.created_at LIMIT ? FOR UPDATE OF s SKIP LOCKED`,
    [days, ...ERASABLE_JOB_STATUSES, limit]
  )
  return rows.map((row) => row.order_id as string)
}

/** Jobs of these orders that may still read their order document; locked so none starts meanwhile. */
export async function lockUnfinishedJobs(manager: SqlEntityManager, orderIds: string[]): Promise<UnfinishedJob[]> {
  if (!orderIds.length) {
    return []
  }
  const rows = await manager.execute(
    `SELECT order_id, kind, subject, status FROM af_side_effect_job
     WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL
     ORDER BY order_id, kind, subject FOR UPDATE`,
    orderIds
  )
  return (rows as unknown as UnfinishedJob[]).filter(
    (row) => !(ERASABLE_JOB_STATUSES as readonly string[]).includes(row.status)
  )
}

/**
 * Blanks the personal fields the plugin holds for these orders: the snapshot's buyer fields, the
 * jobs' error texts (SMTP and ERP answers may quote an address), the review's names and note, and
 * the audit entries' notes and resend addresses.
 * Invoice numbers, amounts, statuses, dates and results (file ids, message ids, ERP references) stay.
 */
export async function eraseOrdersPersonalData(manager: SqlEntityManager, orderIds: string[], erasedAt: Date): Promise<void> {
  if (!orderIds.length) {
    return
  }
  const snapshots = await manager.execute(
    `SELECT id, document FROM af_order_snapshot WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL`,
    orderIds
  )
  for (const { id, document } of snapshots) {
    await manager.execute(`UPDATE af_order_snapshot SET document = ?::jsonb, updated_at = now() WHERE id = ?`, [
      JSON.stringify(withoutPersonalData(document as OrderDocument, erasedAt)),
      id,
    ])
  }
  await manager.execute(
    `UPDATE af_side_effect_job
     SET last_error = CASE WHEN last_error IS NULL THEN NULL ELSE '[erased]' END,
         error_history = NULL, discard_note = NULL, updated_at = now()
     WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL`,
    orderIds
  )
  await manager.execute(
    `UPDATE af_risk_review SET customer_name = NULL, company_name = NULL, note = NULL, updated_at = now()
     WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL`,
    orderIds
  )
  await eraseAuditEntriesPersonalData(manager, orderIds)
}

/**
 * The audit trail keeps who did what and when (the admin's id is not the customer's data), but
 * loses the admins' notes (free text that may quote the customer) and the address a resend was
 * given, marked `to_erased` so that resend is never sent to the order's address instead.
 */
async function eraseAuditEntriesPersonalData(manager: SqlEntityManager, orderIds: string[]): Promise<void> {
  await manager.execute(
    `UPDATE af_audit_entry
     SET note = NULL,
         details = CASE WHEN details->>'to' IS NULL THEN details
                        ELSE jsonb_set(jsonb_set(details, '{to}', 'null'::jsonb), '{to_erased}', 'true'::jsonb) END,
         updated_at = now()
     WHERE order_id IN (${placeholders(orderIds)}) AND deleted_at IS NULL`,
    orderIds
  )
}
