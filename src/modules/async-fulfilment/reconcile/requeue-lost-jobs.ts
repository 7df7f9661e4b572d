import type { SideEffectQueues } from "../queues/side-effect-queues"
import { sideEffectJobId } from "../queues/names"
import type { SideEffectKind } from "../types/side-effect"
import type { StuckRow } from "../db/find-reconcile-candidates"

export interface LostJobsOutcome {
  /** rows whose BullMQ job was gone (Redis lost it) and that were enqueued again */
  requeued: StuckRow[]
  /** rows whose BullMQ job had failed without the row saying so (e.g. stalled too often) */
  failed: { row: StuckRow; reason: string }[]
}

/**
 * Compares stuck rows with what BullMQ holds. A job that still waits or runs is left alone;
 * a missing one is added again (an order's invoice and mail together, as one flow).
 */
export async function requeueLostJobs(queues: SideEffectQueues, rows: StuckRow[]): Promise<LostJobsOutcome> {
  const outcome: LostJobsOutcome = { requeued: [], failed: [] }
  const lostKindsByOrder = new Map<string, SideEffectKind[]>()
  for (const row of rows) {
    const job = await queues.queue(row.kind).getJob(sideEffectJobId(row.kind, row.order_id))
    if (!job) {
      lostKindsByOrder.set(row.order_id, [...(lostKindsByOrder.get(row.order_id) ?? []), row.kind])
      outcome.requeued.push(row)
    } else if ((await job.getState()) === "failed") {
      outcome.failed.push({ row, reason: job.failedReason || "failed in the queue" })
    }
  }
  for (const [orderId, kinds] of lostKindsByOrder) {
    await queues.enqueue({ order_id: orderId, event_id: null, kinds })
  }
  return outcome
}
