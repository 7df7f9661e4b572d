import { MedusaError } from "@medusajs/framework/utils"
import type { SideEffectKind } from "../types/side-effect"

/**
 * How a side-effect job's status changes: the statuses, and the one table of allowed
 * transitions with the fields each writes. The ORM updates and the SQL statements in this
 * folder both take their field sets from here, so every transition clears exactly what it must
 * (no stale retry time or error on a completed job).
 *
 * `queued`: waiting in BullMQ (first run, or a retry once `next_retry_at` passes); `active`: a
 * worker holds its queue job; `held`: recorded but not enqueued (risk review);
 * `completed`/`failed`: final until an admin retries; `discarded`: given up, kept for audit.
 */
export const SIDE_EFFECT_JOB_STATUSES = ["queued", "active", "completed", "failed", "held", "discarded"] as const
export type SideEffectJobStatus = (typeof SIDE_EFFECT_JOB_STATUSES)[number]

/** A side-effect job starts `held` when a risk review holds its kind, `queued` otherwise. */
export const recordedStatus = (held: boolean): SideEffectJobStatus => (held ? "held" : "queued")

/** The statuses in which BullMQ should hold a queue job for the side-effect job: the reconciler checks these. */
export const IN_QUEUE_STATUSES = ["queued", "active"] as const satisfies readonly SideEffectJobStatus[]

/** One entry of a side-effect job's `error_history`. */
export interface SideEffectAttemptError {
  attempt: number
  message: string
  /** the first line of the stack that threw, where in our code it failed */
  stack_head: string | null
  at: string
  final: boolean
}

export interface AttemptFailure {
  attempt: number
  message: string
  stack_head: string | null
  /** the last attempt, or a permanent error: no retry follows */
  final: boolean
  /** when BullMQ runs the next attempt, if not final (retry-policy.ts); the kind's backoff when not given */
  retry_in_ms?: number
}

/** The columns a transition may write, besides `status` (and `updated_at`, always). */
export interface SideEffectJobFields {
  attempts?: number
  started_at?: Date
  completed_at?: Date
  failed_at?: Date | null
  discarded_at?: Date | null
  discard_note?: string | null
  next_retry_at?: Date | null
  last_error?: string | null
  last_error_stack_head?: string | null
  /** jsonb: SideEffectAttemptError[] */
  error_history?: Record<string, unknown>
  /** jsonb: what the processor returned */
  result?: Record<string, unknown> | null
}

const MAX_ERROR_HISTORY = 25

/** The history so far (read from the side-effect job) with this entry appended, newest last, capped. */
function appendHistory(history: unknown, entry: SideEffectAttemptError): Record<string, unknown> {
  const kept = [...((history as SideEffectAttemptError[] | null) ?? []), entry].slice(-MAX_ERROR_HISTORY)
  return kept as unknown as Record<string, unknown>
}

/** What a failed attempt reads from the side-effect job it changes. */
interface FailedAttemptInput {
  previous: { attempts: number; error_history: unknown }
  failure: AttemptFailure
}

const failedAttemptFields = ({ previous, failure }: FailedAttemptInput, now: Date) => ({
  attempts: Math.max(previous.attempts, failure.attempt),
  last_error: failure.message,
  last_error_stack_head: failure.stack_head,
  error_history: appendHistory(previous.error_history, {
    attempt: failure.attempt,
    message: failure.message,
    stack_head: failure.stack_head,
    final: failure.final,
    at: now.toISOString(),
  }),
})

const startFields = ({ attempt }: { attempt: number }, now: Date) => ({
  attempts: attempt,
  started_at: now,
  next_retry_at: null,
})

/** A worker may start any side-effect job that has not completed or been discarded. */
const STARTABLE = ["queued", "active", "failed", "held"] as const satisfies readonly SideEffectJobStatus[]

interface Transition<Input> {
  from: readonly SideEffectJobStatus[]
  to: SideEffectJobStatus
  fields: (input: Input, now: Date) => SideEffectJobFields
}

const transition = <Input = void>(
  from: readonly SideEffectJobStatus[],
  to: SideEffectJobStatus,
  fields: (input: Input, now: Date) => SideEffectJobFields
): Transition<Input> => ({ from, to, fields })

export const SIDE_EFFECT_JOB_TRANSITIONS = {
  /** a worker takes the queue job for this attempt (one SQL statement: start-side-effect-job.ts) */
  start: transition(STARTABLE, "active", startFields),
  /**
   * a worker died holding the queue job and another took it over: said in the history, because
   * the dead worker may have done part of the work (for a mail: sent it, so it may arrive twice)
   */
  resumeAfterStall: transition(
    STARTABLE,
    "active",
    (input: { attempt: number; kind: SideEffectKind; error_history: unknown }, now) => ({
      ...startFields(input, now),
      error_history: appendHistory(input.error_history, {
        attempt: input.attempt,
        message:
          input.kind === "mail"
            ? "a worker died while sending this mail and another took it over: it is sent again and may arrive twice (same Message-ID)"
            : "a worker died while running this job and another took it over",
        stack_head: null,
        at: now.toISOString(),
        final: false,
      }),
    })
  ),
  /**
   * the side effect happened: recorded whatever the status said meanwhile (a takeover, an admin),
   * since losing the result would run it again (one SQL statement: complete-side-effect-job.ts)
   */
  complete: transition(SIDE_EFFECT_JOB_STATUSES, "completed", ({ result }: { result: unknown }, now) => ({
    result: (result ?? null) as Record<string, unknown> | null,
    last_error: null,
    last_error_stack_head: null,
    next_retry_at: null,
    completed_at: now,
  })),
  /** a failed attempt with retries left: back to `queued` until BullMQ's next attempt */
  retryLater: transition(IN_QUEUE_STATUSES, "queued", (input: FailedAttemptInput & { retryInMs: number }, now) => ({
    ...failedAttemptFields(input, now),
    failed_at: null,
    next_retry_at: new Date(now.getTime() + input.retryInMs),
  })),
  /** the last attempt failed, or a permanent error: `failed` until an admin retries */
  fail: transition(IN_QUEUE_STATUSES, "failed", (input: FailedAttemptInput, now) => ({
    ...failedAttemptFields(input, now),
    failed_at: now,
    next_retry_at: null,
  })),
  /** a side-effect job that waits for another (the mail for its invoice) fails with it, as BullMQ fails its queue job */
  failWithDependency: transition(["queued"], "failed", ({ reason }: { reason: string }, now) => ({
    last_error: reason,
    last_error_stack_head: null,
    failed_at: now,
    next_retry_at: null,
  })),
  /**
   * the job found that what it needs is not ready yet (the ERP document waits for the issued
   * invoice): back to `queued` until BullMQ runs it again, the attempt not counted
   */
  awaitDependency: transition(["active"], "queued", ({ attempt, waitMs }: { attempt: number; waitMs: number }, now) => ({
    attempts: Math.max(0, attempt - 1),
    next_retry_at: new Date(now.getTime() + waitMs),
  })),
  /** an approved risk review releases the held side-effect job */
  release: transition(["held"], "queued", () => ({})),
  /** given up (an admin, or a rejected review): kept for audit, never run */
  discard: transition(["queued", "active", "failed", "held"], "discarded", ({ note }: { note: string | null }, now) => ({
    discarded_at: now,
    discard_note: note,
  })),
  /** an admin retry: fresh attempts; the history stays, the failure being retried is cleared */
  resetForRetry: transition(["failed", "discarded"], "queued", () => ({
    attempts: 0,
    last_error: null,
    last_error_stack_head: null,
    next_retry_at: null,
    failed_at: null,
    discarded_at: null,
    discard_note: null,
  })),
  /** the reconciler found no queue job behind it (Redis lost it) and enqueues a new one */
  requeueLost: transition(IN_QUEUE_STATUSES, "queued", () => ({ next_retry_at: null })),
}

export type SideEffectJobTransition = keyof typeof SIDE_EFFECT_JOB_TRANSITIONS
export type TransitionInput<T extends SideEffectJobTransition> = Parameters<
  (typeof SIDE_EFFECT_JOB_TRANSITIONS)[T]["fields"]
>[0]
export type SideEffectJobChange = SideEffectJobFields & { status: SideEffectJobStatus }

export function canTransition(name: SideEffectJobTransition, from: SideEffectJobStatus): boolean {
  return SIDE_EFFECT_JOB_TRANSITIONS[name].from.includes(from)
}

/** The fields this transition writes, status included; throws when the job's status does not allow it. */
export function applyTransition<T extends SideEffectJobTransition>(
  name: T,
  job: { id?: string; status: SideEffectJobStatus },
  input: TransitionInput<T>,
  now = new Date()
): SideEffectJobChange {
  const { from, to, fields } = SIDE_EFFECT_JOB_TRANSITIONS[name] as Transition<TransitionInput<T>>
  if (!from.includes(job.status)) {
    const which = job.id ? `Side-effect job ${job.id}` : "The side-effect job"
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${which} is ${job.status}: "${name}" is allowed only from ${from.join(", ")}`
    )
  }
  return { status: to, ...fields(input, now) }
}
