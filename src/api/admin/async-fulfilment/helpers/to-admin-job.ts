import type { SideEffectJobDTO as SideEffectJobRecord } from "../../../../modules/async-fulfilment/side-effect-jobs/side-effect-job-dto"
import type { AdminSideEffectJob, JobStatus } from "../contract"

/** The fields of a row the admin API reads (`defaultAdminSideEffectJobFields`). */
export type AdminJobRow = Pick<
  SideEffectJobRecord,
  | "id"
  | "kind"
  | "subject"
  | "order_id"
  | "order_display_id"
  | "status"
  | "attempts"
  | "max_attempts"
  | "last_error"
  | "last_error_stack_head"
  | "next_retry_at"
  | "result"
  | "created_at"
  | "updated_at"
  | "started_at"
  | "completed_at"
  | "failed_at"
  | "discarded_at"
  | "discard_note"
>

type Timestamp = Date | string | null | undefined

const iso = (value: Timestamp) => (value ? new Date(value).toISOString() : null)

const toAdminStatus = (row: AdminJobRow, now: number): JobStatus => {
  if (row.status !== "queued") {
    return row.status
  }
  return row.next_retry_at && new Date(row.next_retry_at).getTime() > now ? "delayed" : "waiting"
}

/** A side-effect row as the admin API shows it. */
export function toAdminJob(row: AdminJobRow, now = Date.now()): AdminSideEffectJob {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject ?? "",
    order_id: row.order_id,
    order_display_id: row.order_display_id ?? null,
    status: toAdminStatus(row, now),
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    last_error: row.last_error ? { message: row.last_error, stack_head: row.last_error_stack_head ?? null } : null,
    next_retry_at: row.status === "queued" ? iso(row.next_retry_at) : null,
    result: row.result ?? null,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    started_at: iso(row.started_at),
    completed_at: iso(row.completed_at),
    failed_at: iso(row.failed_at),
    discarded_at: iso(row.discarded_at),
    discard_note: row.discard_note ?? null,
  }
}
