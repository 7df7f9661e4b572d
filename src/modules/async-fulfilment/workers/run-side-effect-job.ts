import { DelayedError, Job, UnrecoverableError } from "bullmq"
import { AwaitingDependencyError } from "../errors/awaiting-dependency-error"
import { processorFor } from "../processors"
import { readSideEffectPayload, type SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import type { SideEffectJobProgress } from "../runtime/side-effect-job-progress"
import { documentsWithStartReads } from "../runtime/documents-with-start-reads"
import { isCreditRequestSubject, ORDER_CANCELED_SUBJECT, type SideEffectKind } from "../types/side-effect"
import { parseActionSubject } from "../types/action-subjects"
import { isFinalAttempt, retryDelayMs, retrySettingsOf, toQueueError } from "../retry-policy"

/** How the logs name a job: the order's own, a cancellation notice, an admin's action, a credit request or a credit note's. */
function describeSideEffectJob(kind: SideEffectKind, subject: string, orderId: string): string {
  if (!subject) {
    return `${kind} job of order ${orderId}`
  }
  if (subject === ORDER_CANCELED_SUBJECT) {
    return `${kind} job (cancellation notice) of order ${orderId}`
  }
  if (parseActionSubject(subject)) {
    return `${kind} job (${subject}) of order ${orderId}`
  }
  if (isCreditRequestSubject(subject)) {
    return `credit job of refund/return ${subject} of order ${orderId}`
  }
  return `${kind} job of credit note ${subject} of order ${orderId}`
}

/** The first frame of the stack: where it failed, without the whole trace in the database. */
function stackHead(error: unknown): string | null {
  const frame = (error as Error)?.stack?.split("\n").find((line) => line.trim().startsWith("at "))
  return frame?.trim() ?? null
}

/**
 * The one path every queue job takes: check the payload, skip what already completed, run the
 * kind's processor and write the outcome to the side-effect job in Postgres before BullMQ
 * writes it in Redis.
 */
export async function runSideEffectJob(
  job: Job,
  kind: SideEffectKind,
  runtime: ProcessorRuntime,
  progress: SideEffectJobProgress,
  token?: string
): Promise<unknown> {
  const read = readSideEffectPayload(job.data, kind)
  if ("problem" in read) {
    throw new UnrecoverableError(read.problem)
  }
  const { payload } = read
  const { subject } = payload
  const attempt = job.attemptsMade + 1
  const what = describeSideEffectJob(kind, subject, payload.order_id)
  // BullMQ counts a takeover from a dead worker as a stall, not as an attempt
  const start = await progress.markSideEffectActive(payload.order_id, kind, attempt, {
    resumedAfterStall: job.stalledCounter > 0,
    subject,
  })
  if (start.state === "completed") {
    return start.result
  }
  if (start.state === "missing") {
    throw new UnrecoverableError(`no record for the ${what}`)
  }
  if (start.state === "discarded") {
    throw new UnrecoverableError(`the ${what} was discarded`)
  }

  try {
    const documents = start.reads ? documentsWithStartReads(runtime.documents, payload.order_id, start.reads) : runtime.documents
    const result = await processorFor(kind, subject)(payload, { ...runtime, documents })
    await progress.markSideEffectCompleted(payload.order_id, kind, result, subject)
    return result
  } catch (error) {
    if (error instanceof AwaitingDependencyError && token) {
      await waitForDependency(job, token, payload, kind, attempt, error, progress)
    }
    const message = (error as Error)?.message ?? String(error)
    const retry = retrySettingsOf(job)
    const final = isFinalAttempt(attempt, retry.attempts, error)
    await progress.markSideEffectFailed(
      payload.order_id,
      kind,
      {
        attempt,
        message,
        stack_head: stackHead(error),
        final,
        // the delay BullMQ's backoff strategy computes from the same error: next_retry_at agrees with it
        retry_in_ms: final ? undefined : retryDelayMs(attempt, retry, error),
      },
      subject
    )
    runtime.logger.warn(
      `[async-fulfilment] ${what} failed (attempt ${attempt}${final ? ", final" : ""}): ${message}`
    )
    throw toQueueError(error)
  }
}

/** Puts the queue job back, delayed, without using an attempt (BullMQ's moveToDelayed skips the count). */
async function waitForDependency(
  job: Job,
  token: string,
  payload: SideEffectPayload,
  kind: SideEffectKind,
  attempt: number,
  error: AwaitingDependencyError,
  progress: SideEffectJobProgress
): Promise<never> {
  await progress.markSideEffectWaiting(payload.order_id, kind, { attempt, waitMs: error.retryInMs }, payload.subject)
  await job.moveToDelayed(Date.now() + error.retryInMs, token)
  if (await error.readyNow?.().catch(() => false)) {
    // its wake came while this job was still active: run it now rather than at its long delay
    await job.promote().catch(() => undefined)
  }
  throw new DelayedError(error.message)
}
