import { MedusaError } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { AsyncFulfilmentOptions } from "../options"
import { enabledSideEffectKinds } from "../options"
import { findInvoiceRow } from "../db/allocate-invoice-number"
import { findCreditNoteRows } from "../db/credit-notes"
import { lockOrderSnapshot, nextActionNumber } from "../db/order-actions"
import { insertMissingSideEffectJobs } from "../side-effect-jobs/insert-missing-side-effect-jobs"
import {
  RESEND_SUBJECT_PREFIX,
  RESYNC_SUBJECT_PREFIX,
  resendMailSubject,
  resyncErpSubject,
  resyncIdempotencyKey,
} from "../types/action-subjects"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

/** A side-effect job an admin's action recorded: its subject, and for a resync what it sends. */
export interface RecordedActionJob {
  subject: string
  /** resync only: the ERP document's id (the order's or a credit note's) and its new Idempotency-Key */
  document_id?: string
  idempotency_key?: string
}

export interface RecordedAction {
  n: number
  jobs: RecordedActionJob[]
}

function requireKind(options: AsyncFulfilmentOptions, kind: "mail" | "erp", orderId: string) {
  if (!enabledSideEffectKinds(options).includes(kind)) {
    throw conflict(`Order ${orderId}: this store runs no ${kind} side effect`)
  }
}

async function lockRecordedOrder(manager: SqlEntityManager, orderId: string) {
  const snapshot = await lockOrderSnapshot(manager, orderId)
  if (!snapshot) {
    throw conflict(`Order ${orderId} has no side effects recorded by the plugin (placed before it was installed?)`)
  }
  return snapshot
}

/**
 * The n-th resend of the invoice mail, in the caller's transaction: a new mail job (subject
 * `resend-<n>`). CONFLICT when the order has no issued invoice (its PDF stored) or mail is off.
 */
export async function recordMailResend(
  manager: SqlEntityManager,
  options: AsyncFulfilmentOptions,
  orderId: string
): Promise<RecordedAction> {
  requireKind(options, "mail", orderId)
  const snapshot = await lockRecordedOrder(manager, orderId)
  const invoice = await findInvoiceRow(manager, orderId)
  if (!invoice?.file_id) {
    throw conflict(
      `Order ${orderId} has no issued invoice${invoice ? ` yet (${invoice.number} is being rendered)` : ""}: there is no invoice mail to resend`
    )
  }
  const n = await nextActionNumber(manager, orderId, "mail", RESEND_SUBJECT_PREFIX)
  const subject = resendMailSubject(n)
  await insertMissingSideEffectJobs(manager, [
    {
      order_id: orderId,
      order_display_id: snapshot.display_id,
      kind: "mail",
      subject,
      held: false,
      max_attempts: options.jobs.mail.attempts,
      event_id: null,
    },
  ])
  return { n, jobs: [{ subject }] }
}

/**
 * The n-th resync with the ERP, in the caller's transaction: one ERP job for the order document
 * (`resync-<n>`) and one per credit note (`resync-<n>-<credit note id>`), each sent with the key
 * `erp-<id>-r<n>`. CONFLICT when the ERP sync is off or the order's side effects are held in (or
 * were refused by) a risk review: the ERP must not hear of it.
 */
export async function recordErpResync(
  manager: SqlEntityManager,
  options: AsyncFulfilmentOptions,
  orderId: string
): Promise<RecordedAction> {
  requireKind(options, "erp", orderId)
  const snapshot = await lockRecordedOrder(manager, orderId)
  const [review] = await manager.execute(
    `SELECT id, status FROM af_risk_review WHERE order_id = ? AND deleted_at IS NULL AND status IN ('pending', 'rejected') LIMIT 1`,
    [orderId]
  )
  if (review) {
    throw conflict(`Order ${orderId} is ${review.status === "pending" ? "held in" : "rejected by"} risk review ${review.id}: it is not sent to the ERP`)
  }
  const n = await nextActionNumber(manager, orderId, "erp", RESYNC_SUBJECT_PREFIX)
  const creditNotes = await findCreditNoteRows(manager, orderId)
  const jobs: RecordedActionJob[] = [
    { subject: resyncErpSubject(n), document_id: orderId, idempotency_key: resyncIdempotencyKey(orderId, n) },
    ...creditNotes.map((creditNote) => ({
      subject: resyncErpSubject(n, creditNote.id),
      document_id: creditNote.id,
      idempotency_key: resyncIdempotencyKey(creditNote.id, n),
    })),
  ]
  await insertMissingSideEffectJobs(
    manager,
    jobs.map(({ subject }) => ({
      order_id: orderId,
      order_display_id: snapshot.display_id,
      kind: "erp" as const,
      subject,
      held: false,
      max_attempts: options.jobs.erp.attempts,
      event_id: null,
    }))
  )
  return { n, jobs }
}
