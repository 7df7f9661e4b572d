import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createRiskReviewStep, CreateRiskReviewStepInput, sendReviewNoticeStep, startRiskReviewStep } from "./steps"

export interface RequestRiskReviewInput extends CreateRiskReviewStepInput {
  order_id: string
}

export const requestRiskReviewWorkflowId = "request-risk-review"

/**
 * A held order's review, composed into the schedule workflow: the pending review (once per
 * order), its long-running workflow, the customer's "under review" mail and the event.
 */
export const requestRiskReviewWorkflow = createWorkflow(requestRiskReviewWorkflowId, (input: RequestRiskReviewInput) => {
  const { review, created } = createRiskReviewStep({ document: input.document, assessment: input.assessment })
  startRiskReviewStep({ order_id: input.order_id, review_id: review.id, created })
  sendReviewNoticeStep({ order_id: input.order_id, notice: "review_received" })
  emitEventStep({
    eventName: "async-fulfilment.review.requested",
    data: { id: review.id, order_id: input.order_id },
  })
  return new WorkflowResponse(review)
})
