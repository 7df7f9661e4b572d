import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { discardSideEffectJobStep, loadDiscardableSideEffectJobStep } from "./steps"

export interface DiscardSideEffectJobInput {
  id: string
  note?: string | null
}

export const discardSideEffectJobWorkflowId = "discard-side-effect-job"

/** An admin gives up on a failed job: the row stays for audit, the failed set forgets it. */
export const discardSideEffectJobWorkflow = createWorkflow(
  discardSideEffectJobWorkflowId,
  (input: DiscardSideEffectJobInput) => {
    loadDiscardableSideEffectJobStep({ id: input.id })
    const id = discardSideEffectJobStep({ id: input.id, note: input.note ?? null })
    return new WorkflowResponse({ id })
  }
)
