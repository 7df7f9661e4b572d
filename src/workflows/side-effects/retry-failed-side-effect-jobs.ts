import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  includeDependentSideEffectsStep,
  requeueSideEffectJobsStep,
  resetSideEffectJobsStep,
  selectFailedSideEffectJobsStep,
  SelectFailedSideEffectJobsStepInput,
} from "./steps"
import { skipRowsOfRefusedOrdersStep } from "../risk/steps/skip-rows-of-refused-orders"

export type RetryFailedSideEffectJobsInput = SelectFailedSideEffectJobsStepInput

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
