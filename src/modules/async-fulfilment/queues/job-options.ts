import type { JobsOptions } from "bullmq"
import type { RetentionOptions, SideEffectJobOptions } from "../options"
import { queueJobRetryOptions } from "../retry-policy"

const keep = ({ ageSeconds, count }: { ageSeconds: number; count?: number }) =>
  count === undefined ? { age: ageSeconds } : { age: ageSeconds, count }

/**
 * BullMQ options for one queue job: its kind's retry policy, and retention. Failed queue jobs
 * stay long (they are the failed set an admin works from), completed ones are trimmed sooner;
 * Postgres keeps every side-effect job.
 */
export function buildJobOptions(
  jobId: string,
  settings: SideEffectJobOptions,
  retention: RetentionOptions
): JobsOptions {
  return {
    jobId,
    ...queueJobRetryOptions(settings),
    removeOnComplete: keep(retention.completed),
    removeOnFail: keep(retention.failed),
  }
}
