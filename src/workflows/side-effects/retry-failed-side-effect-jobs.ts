import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  includeDependentSideEffectsStep,
  requeueSideEffectJobsStep,
  resetSideEffectJobsStep,
  selectFailedSideEffectJobsStep,
  SelectFailedSideEffectJobsStepInput,
} from "./steps"

export type RetryFailedSideEffectJobsInput = SelectFailedSideEffectJobsStepInput

export const retryFailedSideEffectJobsWorkflowId = "retry-failed-side-effect-jobs"

/** Retries every failed job matching a filter (kind, error text, time range). */
export const retryFailedSideEffectJobsWorkflow = createWorkflow(
  retryFailedSideEffectJobsWorkflowId,
  (input: RetryFailedSideEffectJobsInput) => {
    const matching = selectFailedSideEffectJobsStep(input)
    const rows = includeDependentSideEffectsStep(matching)
    resetSideEffectJobsStep(rows)
    const ids = requeueSideEffectJobsStep(rows)
    return new WorkflowResponse(transform({ ids }, ({ ids }) => ({ retried: ids.length, ids })))
  }
)
