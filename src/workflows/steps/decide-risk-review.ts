import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import { awaitRiskDecisionStepId, reviewRiskyOrderWorkflowId, RiskDecision } from "../risk/review-risky-order"

export interface DecideRiskReviewStepInput extends RiskDecision {
  review_id: string
}

export const recordRiskDecisionStepId = "record-risk-decision"

/** Records the admin's decision on a pending review: 404 unknown, 409 when already decided. */
export const recordRiskDecisionStep = createStep(
  recordRiskDecisionStepId,
  async (input: DecideRiskReviewStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const [review] = await service.listRiskReviews({ id: input.review_id })
    if (!review) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Risk review ${input.review_id} was not found`)
    }
    if (review.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Risk review ${review.id} of order ${review.order_id} was already ${review.status}`
      )
    }
    await service.updateRiskReviews({
      id: review.id,
      status: input.decision,
      decided_by: input.decided_by,
      decided_at: new Date(),
      note: input.note,
    })
    return new StepResponse({ id: review.id, order_id: review.order_id }, review.id)
  },
  async (reviewId: string | undefined, { container }) => {
    if (reviewId) {
      const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
      await service.updateRiskReviews({ id: reviewId, status: "pending", decided_by: null, decided_at: null, note: null })
    }
  }
)

export const resumeRiskReviewStepId = "resume-risk-review"

/** Hands the decision to the parked review workflow, which releases or cancels the order. */
export const resumeRiskReviewStep = createStep(
  resumeRiskReviewStepId,
  async (input: DecideRiskReviewStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const decision: RiskDecision = { decision: input.decision, decided_by: input.decided_by, note: input.note }
    await engine.setStepSuccess({
      idempotencyKey: {
        action: "invoke",
        transactionId: input.review_id,
        stepId: awaitRiskDecisionStepId,
        workflowId: reviewRiskyOrderWorkflowId,
      },
      stepResponse: decision,
    })
    return new StepResponse(decision)
  }
)
