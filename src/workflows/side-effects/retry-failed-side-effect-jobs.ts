import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  includeDependentSideEffectsStep,
  requeueSideEffectJobsStep,
  resetSideEffectJobsStep,
  selectFailedSideEffectJobsStep,
  SelectFailedSideEffectJobsStepInput,
} from "./steps"
import { skipRowsOfRefusedOrdersStep } from "../risk/steps/skip-rows-of-refused-orders"
import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"
import { auditEntriesPerOrder } from "../audit/audit-entries-per-order"
import { recordAuditEntriesStep } from "../audit/steps"

export type RetryFailedSideEffectJobsInput = SelectFailedSideEffectJobsStepInput & {
  /** for the audit entries (`bulk_retry`, one per order this page touched) */
  actor?: AuditActor | null
  note?: string | null
}

export const retryFailedSideEffectJobsWorkflowId = "retry-failed-side-effect-jobs"

/**
 * Retries the failed jobs matching a filter (kind, error text, time range): one page of them
 * (`limit`, after `after_id`), so a large retry runs as several short workflows. `last_id` is
 * where the next page starts; `matched` how many rows this page found. Rows of orders rejected
 * in risk review or canceled are left out.
 */
export const retryFailedSideEffectJobsWorkflow = createWorkflow(
  retryFailedSideEffectJobsWorkflowId,
  (input: RetryFailedSideEffectJobsInput) => {
    const matching = selectFailedSideEffectJobsStep(input)
    // never the side effects of an order rejected in review or canceled (the page still moves on)
    const retryable = skipRowsOfRefusedOrdersStep(matching)
    const rows = includeDependentSideEffectsStep(retryable)
    recordAuditEntriesStep(transform({ rows, input }, ({ rows, input }) => auditEntriesPerOrder("bulk_retry", rows, input)))
    resetSideEffectJobsStep(rows)
    const ids = requeueSideEffectJobsStep(rows)
    return new WorkflowResponse(
      transform({ ids, matching }, ({ ids, matching }) => ({
        retried: ids.length,
        ids,
        matched: matching.length,
        last_id: matching.at(-1)?.id ?? null,
      }))
    )
  }
)
