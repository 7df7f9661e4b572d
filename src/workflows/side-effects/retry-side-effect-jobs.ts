import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"
import { auditEntriesPerOrder } from "../audit/audit-entries-per-order"
import { recordAuditEntriesStep } from "../audit/steps"
import { refuseRetryOfRefusedOrdersStep } from "../risk/steps/refuse-retry-of-refused-orders"
import {
  includeDependentSideEffectsStep,
  loadRetryableSideEffectJobsStep,
  requeueSideEffectJobsStep,
  resetSideEffectJobsStep,
} from "./steps"

export interface RetrySideEffectJobsInput {
  ids: string[]
  /** for the audit entry (one per order): who retried, and why */
  actor?: AuditActor | null
  note?: string | null
}

export const retrySideEffectJobsWorkflowId = "retry-side-effect-jobs"

/**
 * An admin's retry of chosen jobs: failed (or discarded) rows go back to `queued` with fresh
 * attempts, with the failed invoice or mail they depend on, and BullMQ gets new jobs for them;
 * never for an order rejected in risk review or canceled.
 */
export const retrySideEffectJobsWorkflow = createWorkflow(
  retrySideEffectJobsWorkflowId,
  (input: RetrySideEffectJobsInput) => {
    const chosen = loadRetryableSideEffectJobsStep({ ids: input.ids, retryable: ["failed", "discarded"] })
    refuseRetryOfRefusedOrdersStep({ rows: chosen })
    const rows = includeDependentSideEffectsStep(chosen)
    recordAuditEntriesStep(transform({ rows, input }, ({ rows, input }) => auditEntriesPerOrder("retry", rows, input)))
    resetSideEffectJobsStep(rows)
    const ids = requeueSideEffectJobsStep(rows)
    return new WorkflowResponse({ ids })
  }
)
