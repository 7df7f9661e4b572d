import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DecideRiskReviewStepInput, recordRiskDecisionStep, resumeRiskReviewStep } from "./steps"

export type DecideRiskReviewInput = DecideRiskReviewStepInput

export const decideRiskReviewWorkflowId = "decide-risk-review"

/**
 * An admin approves or rejects a pending review; the review workflow then does the rest. The
 * resume comes last: once the review workflow took the decision nothing can fail after it, so
 * a decision that ran is never compensated. The event is staged before and released on success.
 */
export const decideRiskReviewWorkflow = createWorkflow(decideRiskReviewWorkflowId, (input: DecideRiskReviewInput) => {
  const review = recordRiskDecisionStep(input)
  emitEventStep({
    eventName: transform({ input }, ({ input }) => `async-fulfilment.review.${input.decision}`),
    data: transform({ review }, ({ review }) => ({ id: review.id, order_id: review.order_id })),
  })
  resumeRiskReviewStep(input)
  return new WorkflowResponse(review)
})
