import type { AdminJobStatus } from "../validators"

type Row = Record<string, any>

const toAdminStatus = (row: Row, now: number): AdminJobStatus => {
  if (row.status !== "queued") {
    return row.status
  }
  return row.next_retry_at && new Date(row.next_retry_at).getTime() > now ? "delayed" : "waiting"
}

/** A side-effect row as the admin API shows it. */
export function toAdminJob(row: Row, now = Date.now()) {
  return {
    id: row.id,
    kind: row.kind,
    order_id: row.order_id,
    order_display_id: row.order_display_id ?? null,
    status: toAdminStatus(row, now),
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    last_error: row.last_error ? { message: row.last_error, stack_head: row.last_error_stack_head ?? null } : null,
    next_retry_at: row.status === "queued" ? row.next_retry_at ?? null : null,
    result: row.result ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    started_at: row.started_at ?? null,
    completed_at: row.completed_at ?? null,
    failed_at: row.failed_at ?? null,
    discarded_at: row.discarded_at ?? null,
    discard_note: row.discard_note ?? null,
  }
}

export type AdminSideEffectJob = ReturnType<typeof toAdminJob>
