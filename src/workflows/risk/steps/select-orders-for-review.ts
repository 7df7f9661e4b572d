import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { assessRiskReview } from "../../../modules/async-fulfilment/risk/assess-risk-review"
import type { OrderDocument } from "../../../modules/async-fulfilment/types/order-document"

export const selectOrdersForReviewStepId = "select-orders-for-review"

/** The ids of the orders (their documents) that wait for an admin: B2B and over their currency's threshold. */
export const selectOrdersForReviewStep = createStep(
  selectOrdersForReviewStepId,
  async (documents: OrderDocument[], { container }) => {
    const options = container.resolve<AsyncFulfilmentModuleService>(ASYNC_FULFILMENT_MODULE).getOptions().riskReview
    const reviewed = options ? documents.filter((document) => assessRiskReview(document, options).review) : []
    return new StepResponse(reviewed.map((document) => document.order_id))
  }
)
