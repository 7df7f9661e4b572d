import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectStart, SideEffectStartReads } from "../runtime/side-effect-job-progress"
import type { OrderDocument } from "../types/order-document"
import { invoiceRowOf, prefixedInvoiceColumns } from "../db/allocate-invoice-number"
import { canTransition, SIDE_EFFECT_JOB_TRANSITIONS, SideEffectJobStatus } from "./state-machine"
import { placeholders, toSqlAssignments } from "./sql-assignments"

export interface StartedSideEffectJob {
  status: SideEffectJobStatus
  result: unknown
  /** read in the same statement when the job may start */
  reads?: SideEffectStartReads
}

/** What a queue job does with its side-effect job: run, or stop because it completed, was discarded or is missing. */
export function startOf(job: StartedSideEffectJob | null): SideEffectStart {
  if (!job) {
    return { state: "missing" }
  }
  if (canTransition("start", job.status)) {
    return job.reads ? { state: "run", reads: job.reads } : { state: "run" }
  }
  return job.status === "completed" ? { state: "completed", result: job.result } : { state: "discarded" }
}

const INVOICE_PREFIX = "invoice__"

/**
 * Starts the order's side-effect job of this kind for this attempt, where the state machine
 * allows it, and says what the job was: one statement, one round trip, at the start of every
 * queue job. When it starts, the same statement reads what the processors read first (the order
 * document and its invoice). Null when there is no such side-effect job.
 */
export async function startSideEffectJob(
  manager: SqlEntityManager,
  orderId: string,
  kind: SideEffectKind,
  attempt: number,
  subject = ""
): Promise<StartedSideEffectJob | null> {
  const { from, to, fields } = SIDE_EFFECT_JOB_TRANSITIONS.start
  const set = toSqlAssignments({ status: to, ...fields({ attempt }, new Date()) })
  const rows = await manager.execute(
    `WITH target AS (
       SELECT id, status, result, status IN (${placeholders(from)}) AS starts FROM af_side_effect_job
       WHERE order_id = ? AND kind = ? AND subject = ? AND deleted_at IS NULL
       ORDER BY id LIMIT 1
     ), started AS (
       UPDATE af_side_effect_job AS job SET ${set.sql}
       FROM target
       WHERE job.id = target.id AND target.starts
       RETURNING job.id
     )
     SELECT target.status, target.result, target.starts, snapshot.document, ${prefixedInvoiceColumns("invoice", INVOICE_PREFIX)}
     FROM target
     LEFT JOIN LATERAL (
       SELECT document FROM af_order_snapshot WHERE order_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1
     ) AS snapshot ON target.starts
     LEFT JOIN af_invoice AS invoice ON target.starts AND invoice.order_id = ? AND invoice.deleted_at IS NULL`,
    [...from, orderId, kind, subject, ...set.params, orderId, orderId]
  )
  const row = rows[0] as (Record<string, unknown> & { status: SideEffectJobStatus; starts: boolean }) | undefined
  if (!row) {
    return null
  }
  const job: StartedSideEffectJob = { status: row.status, result: row.result }
  if (row.starts) {
    job.reads = {
      document: (row.document as OrderDocument | null) ?? null,
      invoice: invoiceRowOf(row, INVOICE_PREFIX),
    }
  }
  return job
}
