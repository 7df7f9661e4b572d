import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RiskDecisionRecord } from "../../../modules/async-fulfilment/db/risk-review-decision"
import type { RiskDecision } from "./await-risk-decision"

export interface DecideRiskReviewStepInput extends RiskDecision {
  review_id: string
}

export const recordRiskDecisionStepId = "record-risk-decision"

/**
 * Records the admin's decision on a pending review in one conditional update, so of two
 * decisions at the same moment exactly one gets through: 404 unknown, 409 when already decided.
 */
export const recordRiskDecisionStep = createStep(
  recordRiskDecisionStepId,
  async (input: DecideRiskReviewStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const record: RiskDecisionRecord = { ...input, decided_at: new Date() }
    const decided = await service.recordRiskDecision(record)
    if (!decided) {
      const [review] = await service.listRiskReviews({ id: input.review_id })
      if (!review) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Risk review ${input.review_id} was not found`)
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Risk review ${review.id} of order ${review.order_id} was already ${review.status}`
      )
    }
    return new StepResponse(decided, record)
  },
  // runs only when the review workflow refused the decision (resume-risk-review is the last step)
  async (record: RiskDecisionRecord | undefined, { container }) => {
    if (record) {
      const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
      await service.undoRiskDecision(record)
    }
  }
)
