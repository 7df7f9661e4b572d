import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { reviewRiskyOrderWorkflowId } from "./review-risky-order-id"
import { awaitRiskDecisionStep, discardHeldSideEffectsStep, releaseHeldSideEffectsStep, sendReviewNoticeStep } from "./steps"

/**
 * The long-running half of a risk review, one run per review (transaction id = review id):
 * approved → the held side effects run as for any order; rejected → Medusa cancels the order
 * (releasing or refunding the payment as it does) and no invoice or ERP call is ever made.
 */
export const reviewRiskyOrderWorkflow = createWorkflow(
  // stored: the Redis engine keeps a parked execution in Postgres too, where the decision finds it
  { name: reviewRiskyOrderWorkflowId, store: true },
  (input: { order_id: string }) => {
    const decision = awaitRiskDecisionStep(input)
    when({ decision }, ({ decision }) => decision?.decision === "approved").then(() => {
      releaseHeldSideEffectsStep({ order_id: input.order_id })
    })
    when({ decision }, ({ decision }) => decision?.decision === "rejected").then(() => {
      cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
      discardHeldSideEffectsStep({ order_id: input.order_id })
      sendReviewNoticeStep({ order_id: input.order_id, notice: "review_rejected" })
    })
    return new WorkflowResponse(decision)
  }
)
