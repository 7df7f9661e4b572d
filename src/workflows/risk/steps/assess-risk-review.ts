import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { assessRiskReview } from "../../../modules/async-fulfilment/risk/assess-risk-review"
import type { OrderDocument } from "../../../modules/async-fulfilment/types/order-document"

export const assessRiskReviewStepId = "assess-risk-review"

/** Whether the order waits for an admin: B2B and over its currency's threshold (`riskReview` option). */
export const assessRiskReviewStep = createStep(
  assessRiskReviewStepId,
  async (document: OrderDocument, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    return new StepResponse(assessRiskReview(document, service.getOptions().riskReview))
  }
)
