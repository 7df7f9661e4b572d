import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireReconcileLockStep,
  creditLostEventsStep,
  findLostCreditEventsStep,
  findUnrecordedOrdersStep,
  reconcileStuckSideEffectsStep,
  releaseReconcileLockStep,
  scheduleUnrecordedOrdersStep,
} from "./steps"

export const reconcileSideEffectsWorkflowId = "reconcile-side-effects"

/**
 * Short enough that a crashed holder does not block the next minute's sweep; a live holder
 * renews it before each batch, so a sweep may run longer than this.
 */
const LOCK_TTL_MS = 50_000

/**
 * The outbox sweep: orders that never got their records, refunds, cancellations and returns whose
 * event was lost, and records whose BullMQ job was lost, go through the pipeline again. Idempotent (rows are unique per order and kind) and run by one
 * instance at a time.
 */
export const reconcileSideEffectsWorkflow = createWorkflow(reconcileSideEffectsWorkflowId, () => {
  const lock = acquireReconcileLockStep({ ttl_ms: LOCK_TTL_MS })
  const swept = when({ lock }, ({ lock }) => !!lock.token).then(() => {
    const lease = transform({ lock }, ({ lock }) => ({ token: lock.token!, ttl_ms: LOCK_TTL_MS }))
    const unrecorded = findUnrecordedOrdersStep()
    const scheduled = scheduleUnrecordedOrdersStep({ order_ids: unrecorded, lease })
    const lost = findLostCreditEventsStep()
    const credited = creditLostEventsStep({ lost, lease })
    const stuck = reconcileStuckSideEffectsStep({ lease })
    return transform({ scheduled, stuck, credited }, ({ scheduled, stuck, credited }) => ({
      scheduled_orders: scheduled,
      credited_events: credited,
      requeued_jobs: stuck.requeued,
      failed_jobs: stuck.failed,
    }))
  })
  releaseReconcileLockStep(lock)
  return new WorkflowResponse(
    transform({ swept, lock }, ({ swept, lock }) => ({
      ran: !!lock.token,
      scheduled_orders: swept?.scheduled_orders ?? [],
      /** payments, canceled orders and returns whose lost event was handled now */
      credited_events: swept?.credited_events ?? [],
      requeued_jobs: swept?.requeued_jobs ?? [],
      failed_jobs: swept?.failed_jobs ?? [],
    }))
  )
})
