import type { SideEffectQueues } from "../queues/side-effect-queues"
import { sideEffectJobId } from "../queues/names"
import type { StuckSideEffectJob } from "../side-effect-jobs/find-reconcile-candidates"

export interface LostJobsOutcome {
  /** side-effect jobs whose queue job was gone (Redis lost it) and that were enqueued again */
  requeued: StuckSideEffectJob[]
  /** side-effect jobs whose queue job had failed without the side-effect job saying so (e.g. stalled too often) */
  failed: { row: StuckSideEffectJob; reason: string }[]
}

/**
 * Compares stuck side-effect jobs with what BullMQ holds. A queue job that still waits or runs
 * is left alone; a missing one is added again (an order's invoice and mail together, as one flow).
 */
export async function requeueLostJobs(queues: SideEffectQueues, stuck: StuckSideEffectJob[]): Promise<LostJobsOutcome> {
  const outcome: LostJobsOutcome = { requeued: [], failed: [] }
  for (const job of stuck) {
    const queueJob = await queues.queue(job.kind).getJob(sideEffectJobId(job.kind, job.order_id))
    if (!queueJob) {
      outcome.requeued.push(job)
    } else if ((await queueJob.getState()) === "failed") {
      outcome.failed.push({ row: job, reason: queueJob.failedReason || "failed in the queue" })
    }
  }
  await queues.requeue(outcome.requeued)
  return outcome
}
