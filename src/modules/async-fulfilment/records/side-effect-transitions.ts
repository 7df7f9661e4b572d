import type { SideEffectAttemptError } from "../types/side-effect"

/**
 * The field changes of each state a side-effect row goes through. Kept as data, so every
 * transition clears exactly what it must (no stale retry time or error on a completed row).
 */
const MAX_ERROR_HISTORY = 25

export interface AttemptFailure {
  attempt: number
  message: string
  stack_head: string | null
  final: boolean
}

export const activeTransition = (attempt: number, now = new Date()) => ({
  status: "active" as const,
  attempts: attempt,
  started_at: now,
  next_retry_at: null,
})

/**
 * A worker died holding the job and another took it over: said in the history, because the
 * dead worker may have done part of the work (for a mail: sent it, so it may arrive twice).
 */
export function resumedAfterStallEntry(
  row: { error_history: unknown },
  kind: string,
  attempt: number,
  now = new Date()
) {
  const message =
    kind === "mail"
      ? "a worker died while sending this mail and another took it over: it is sent again and may arrive twice (same Message-ID)"
      : "a worker died while running this job and another took it over"
  const entry: SideEffectAttemptError = { attempt, message, stack_head: null, at: now.toISOString(), final: false }
  const history = [...((row.error_history as SideEffectAttemptError[] | null) ?? []), entry]
  return { error_history: history.slice(-MAX_ERROR_HISTORY) as unknown as Record<string, unknown> }
}

/** Back to `queued` while retries remain (with the time of the next one), `failed` after the last. */
export function failedAttemptTransition(
  row: { attempts: number; error_history: unknown },
  failure: AttemptFailure,
  retryInMs: number,
  now = new Date()
) {
  const entry: SideEffectAttemptError = { ...failure, at: now.toISOString() }
  const history = [...((row.error_history as SideEffectAttemptError[] | null) ?? []), entry]
  return {
    status: failure.final ? ("failed" as const) : ("queued" as const),
    attempts: Math.max(row.attempts, failure.attempt),
    last_error: failure.message,
    last_error_stack_head: failure.stack_head,
    error_history: history.slice(-MAX_ERROR_HISTORY) as unknown as Record<string, unknown>,
    failed_at: failure.final ? now : null,
    next_retry_at: failure.final ? null : new Date(now.getTime() + retryInMs),
  }
}

/** The mail waits on its invoice in a BullMQ flow, and BullMQ fails it with the invoice. */
export const failedWithInvoiceTransition = (invoiceError: string, now = new Date()) => ({
  status: "failed" as const,
  last_error: `not sent: the invoice it attaches failed (${invoiceError})`,
  last_error_stack_head: null,
  failed_at: now,
  next_retry_at: null,
})

/** An admin retry: fresh attempts; the history stays, the failure being retried is cleared. */
export const retryResetTransition = () => ({
  status: "queued" as const,
  attempts: 0,
  last_error: null,
  last_error_stack_head: null,
  next_retry_at: null,
  failed_at: null,
  discarded_at: null,
  discard_note: null,
})

export const discardedTransition = (note: string | null, now = new Date()) => ({
  status: "discarded" as const,
  discarded_at: now,
  discard_note: note,
})
