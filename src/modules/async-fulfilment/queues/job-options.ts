import type { JobsOptions } from "bullmq"
import type { RetentionOptions, SideEffectJobOptions } from "../options"

const keep = ({ ageSeconds, count }: { ageSeconds: number; count?: number }) =>
  count === undefined ? { age: ageSeconds } : { age: ageSeconds, count }

/**
 * BullMQ options for one side-effect job. Failed jobs stay long (they are the failed set an
 * admin works from), completed ones are trimmed sooner; Postgres keeps every record.
 */
export function buildJobOptions(
  jobId: string,
  settings: SideEffectJobOptions,
  retention: RetentionOptions
): JobsOptions {
  return {
    jobId,
    attempts: settings.attempts,
    backoff: { type: "exponential", delay: settings.backoffMs },
    removeOnComplete: keep(retention.completed),
    removeOnFail: keep(retention.failed),
  }
}

/** Delay before retry n (1-based), as BullMQ's exponential backoff computes it. */
export function backoffDelayMs(retry: number, settings: SideEffectJobOptions): number {
  return Math.round(Math.pow(2, retry - 1) * settings.backoffMs)
}
