import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RiskDecision } from "./await-risk-decision"

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
