import type { SideEffectQueues } from "../queues/side-effect-queues"
import { sideEffectJobId } from "../queues/names"
import type { StuckSideEffectJob } from "../side-effect-jobs/find-reconcile-candidates"
import { partnersOf } from "../types/side-effect"

export interface LostJobsOutcome {
  /**
   * side-effect jobs whose queue job was gone (Redis lost it) and that were enqueued again, with
   * the partners whose queue job was replaced so that the pair is one flow again
   */
  requeued: StuckSideEffectJob[]
  /** side-effect jobs whose queue job had failed without the side-effect job saying so (e.g. stalled too often) */
  failed: { row: StuckSideEffectJob; reason: string }[]
}

/** The in-queue side-effect jobs of these orders (their partners in a flow), read from Postgres. */
export type LoadInQueueJobs = (orderIds: string[]) => Promise<StuckSideEffectJob[]>

/** Queue states from which a partner's queue job can be taken out and added again with its lost partner. */
const REPLACEABLE_STATES = new Set(["waiting", "waiting-children", "delayed", "prioritized", "unknown"])

/**
 * Compares stuck side-effect jobs with what BullMQ holds. A queue job that still waits or runs
 * is left alone; a missing one is added again. A lost invoice or mail takes its partner along:
 * the mail is the invoice's parent in one flow, so re-adding the invoice alone would leave the
 * surviving mail waiting for a child that never reports back (and a mail re-added alone would not
 * wait for its invoice). The pair is replaced as one flow; when the partner is running or failed,
 * the order waits for the next sweep; a completed partner stays out of it.
 */
export async function requeueLostJobs(
  queues: SideEffectQueues,
  stuck: StuckSideEffectJob[],
  loadInQueue: LoadInQueueJobs
): Promise<LostJobsOutcome> {
  const outcome: LostJobsOutcome = { requeued: [], failed: [] }
  const queueJobId = (job: StuckSideEffectJob) => sideEffectJobId(job.kind, job.order_id, job.subject)
  const stateOf = (job: StuckSideEffectJob) => queues.queue(job.kind).getJobState(queueJobId(job))
  const lost: StuckSideEffectJob[] = []
  for (const job of stuck) {
    const state = await stateOf(job)
    if (state === "unknown") {
      lost.push(job)
    } else if (state === "failed") {
      const queueJob = await queues.queue(job.kind).getJob(queueJobId(job))
      outcome.failed.push({ row: job, reason: queueJob?.failedReason || "failed in the queue" })
    }
  }

  const lostIds = new Set(lost.map((job) => job.id))
  const inQueue = await loadInQueue([...new Set(lost.map((job) => job.order_id))])
  // partners share the order and the subject: a credit note's mail is the parent of its own invoice job
  const flowOf = (job: StuckSideEffectJob) => JSON.stringify([job.order_id, job.subject ?? ""])
  for (const flow of new Set(lost.map(flowOf))) {
    const group = lost.filter((job) => flowOf(job) === flow)
    const wanted = new Set(group.flatMap((job) => partnersOf(job.kind)))
    const partners = inQueue.filter((row) => flowOf(row) === flow && wanted.has(row.kind) && !lostIds.has(row.id))
    const partnerStates = await Promise.all(partners.map(stateOf))
    if (partnerStates.some((state) => state !== "completed" && !REPLACEABLE_STATES.has(state))) {
      continue // the partner runs or failed: replacing it now could run it twice; the next sweep looks again
    }
    // a completed partner's work is done (the mail of a completed invoice runs on its own)
    outcome.requeued.push(...group, ...partners.filter((_, i) => partnerStates[i] !== "completed"))
  }
  // `replace` takes out the surviving partner (a parent with what is left of its children) first
  await queues.requeue(outcome.requeued, { replace: true })
  return outcome
}
