import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DecideRiskReviewStepInput, recordRiskDecisionStep, resumeRiskReviewStep } from "./steps"

export type DecideRiskReviewInput = DecideRiskReviewStepInput

export const decideRiskReviewWorkflowId = "decide-risk-review"

/** An admin approves or rejects a pending review; the review workflow then does the rest. */
export const decideRiskReviewWorkflow = createWorkflow(decideRiskReviewWorkflowId, (input: DecideRiskReviewInput) => {
  const review = recordRiskDecisionStep(input)
  resumeRiskReviewStep(input)
  emitEventStep({
    eventName: transform({ input }, ({ input }) => `async-fulfilment.review.${input.decision}`),
    data: transform({ review }, ({ review }) => ({ id: review.id, order_id: review.order_id })),
  })
  return new WorkflowResponse(review)
})
