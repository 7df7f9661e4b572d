import type { JobsOptions } from "bullmq"
import type { SideEffectJobOptions } from "../options"

/**
 * BullMQ options for one side-effect job. Failed jobs are kept (they are the failed set an
 * admin works from); completed ones are trimmed, Postgres keeps the record.
 */
export function buildJobOptions(jobId: string, settings: SideEffectJobOptions): JobsOptions {
  return {
    jobId,
    attempts: settings.attempts,
    backoff: { type: "exponential", delay: settings.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  }
}

/** Delay before retry n (1-based), as BullMQ's exponential backoff computes it. */
export function backoffDelayMs(retry: number, settings: SideEffectJobOptions): number {
  return Math.round(Math.pow(2, retry - 1) * settings.backoffMs)
}
