import { Backoffs, UnrecoverableError } from "bullmq"
import type { BackoffOptions, BackoffStrategy, MinimalJob } from "bullmq"
import type { SideEffectKind } from "./types/side-effect"
import { PermanentSideEffectError } from "./errors/permanent-side-effect-error"
import { ErpRetryableError } from "./errors/erp-retryable-error"

/**
 * The retry policy of every queue job, in one place:
 * - how often and how soon: attempts and BullMQ's own exponential backoff per kind (the
 *   defaults below; the store overrides them with the `jobs` option);
 * - what is not retried: any PermanentSideEffectError (the ERP's ErpRejectedError and the SMTP
 *   server's MailRejectedError extend it) and BullMQ's UnrecoverableError;
 * - which answers are retried: ERP statuses below; SMTP replies in mail/classify-smtp-error.ts;
 * - when the server says when: an ERP 429 or 503 with `Retry-After` delays that retry by it,
 *   capped (see retryDelayMs).
 */

export interface RetrySettings {
  /** tries in all, the first included */
  attempts: number
  /** first retry delay; each next one doubles (BullMQ exponential backoff) */
  backoffMs: number
}

export const DEFAULT_RETRY_SETTINGS: Record<SideEffectKind, RetrySettings> = {
  invoice: { attempts: 5, backoffMs: 2_000 },
  mail: { attempts: 8, backoffMs: 5_000 },
  erp: { attempts: 10, backoffMs: 5_000 },
}

/** ERP answers worth another try besides 5xx (timeouts and network errors are retried too). */
const ERP_RETRYABLE_STATUSES = new Set([408, 429])
/** The statuses whose `Retry-After` is honoured (RFC 9110: 503; RFC 6585: 429). */
const RETRY_AFTER_STATUSES = new Set([429, 503])
/** No `Retry-After` makes a queue job wait longer than this, whatever the kind's backoff. */
export const RETRY_AFTER_MAX_MS = 60 * 60 * 1000

/**
 * Our queue jobs' backoff type: BullMQ calls the workers' `backoffStrategy` (below) for it with
 * the error, where its built-in `exponential` type would not see the error's `Retry-After`.
 */
export const SIDE_EFFECT_BACKOFF_TYPE = "af-exponential-retry-after"

export function isRetryableErpStatus(status: number): boolean {
  return status >= 500 || ERP_RETRYABLE_STATUSES.has(status)
}

/** Failures that another attempt cannot fix: they skip the remaining retries. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof UnrecoverableError || error instanceof PermanentSideEffectError
}

/** The last try: a permanent failure, or no attempts left. */
export function isFinalAttempt(attempt: number, attempts: number, error: unknown): boolean {
  return isPermanentFailure(error) || attempt >= attempts
}

/** What BullMQ is to see: a permanent failure as UnrecoverableError (no retry), the rest unchanged. */
export function toQueueError(error: unknown): unknown {
  if (isPermanentFailure(error) && !(error instanceof UnrecoverableError)) {
    return new UnrecoverableError((error as Error).message)
  }
  return error
}

/** The BullMQ job options that carry a kind's retry settings. */
export function queueJobRetryOptions(settings: RetrySettings): { attempts: number; backoff: BackoffOptions } {
  return { attempts: settings.attempts, backoff: { type: SIDE_EFFECT_BACKOFF_TYPE, delay: settings.backoffMs } }
}

/** BullMQ's own exponential delay before retry n (1-based); its built-in strategies are synchronous. */
function exponentialDelayMs(retry: number, backoffMs: number): number {
  return Backoffs.builtinStrategies.exponential(backoffMs)(retry) as number
}

/** The delay the server asked for, when the error carries one this policy honours. */
function requestedDelayMs(error: unknown): number | undefined {
  if (error instanceof ErpRetryableError && error.status !== undefined && RETRY_AFTER_STATUSES.has(error.status)) {
    return error.retryAfterMs
  }
  return undefined
}

/**
 * The delay before retry n (1-based): BullMQ's exponential backoff, or the server's
 * `Retry-After` when that is longer. The cap: `Retry-After` never waits longer than the kind's
 * longest backoff (the one before its last retry) nor than RETRY_AFTER_MAX_MS, so a server
 * asking for a day cannot park a queue job beyond what the store configured.
 */
export function retryDelayMs(retry: number, settings: RetrySettings, error?: unknown): number {
  const exponential = exponentialDelayMs(retry, settings.backoffMs)
  const requested = requestedDelayMs(error)
  if (requested === undefined) {
    return exponential
  }
  const longest = exponentialDelayMs(Math.max(1, settings.attempts - 1), settings.backoffMs)
  return Math.max(exponential, Math.min(requested, longest, RETRY_AFTER_MAX_MS))
}

/** The retry settings a queue job was enqueued with (so Postgres and BullMQ compute the same delay). */
export function retrySettingsOf(job: MinimalJob): RetrySettings {
  const backoff = job.opts.backoff
  return {
    attempts: job.opts.attempts ?? 1,
    backoffMs: typeof backoff === "number" ? backoff : backoff?.delay ?? 0,
  }
}

/** The workers' `settings.backoffStrategy`: BullMQ asks it for the delay of our backoff type. */
export const sideEffectBackoffStrategy: BackoffStrategy = (attemptsMade, _type, error, job) => {
  if (!job) {
    throw new Error("BullMQ asked for a backoff without its job")
  }
  return retryDelayMs(attemptsMade, retrySettingsOf(job), error)
}
