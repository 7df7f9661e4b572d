import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RiskAssessment } from "../../../modules/async-fulfilment/risk/assess-risk-review"
import type { OrderDocument } from "../../../modules/async-fulfilment/types/order-document"

export interface CreateRiskReviewStepInput {
  document: OrderDocument
  assessment: RiskAssessment
}

export const createRiskReviewStepId = "create-risk-review"

const fullName = (first?: string | null, last?: string | null) => [first, last].filter(Boolean).join(" ") || null

/** Records the pending review once per order; a repeated `order.placed` finds the existing one. */
export const createRiskReviewStep = createStep(
  createRiskReviewStepId,
  async ({ document, assessment }: CreateRiskReviewStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const [existing] = await service.listRiskReviews({ order_id: document.order_id })
    if (existing) {
      return new StepResponse({ review: existing, created: false }, null as string | null)
    }
    const address = document.billing_address ?? document.shipping_address
    const review = await service.createRiskReviews({
      order_id: document.order_id,
      order_display_id: document.display_id,
      amount: assessment.amount,
      currency_code: assessment.currency_code,
      threshold: assessment.threshold!,
      reasons: assessment.b2b_reasons as unknown as Record<string, unknown>,
      customer_name: fullName(address?.first_name, address?.last_name),
      company_name: address?.company ?? document.customer?.company_name ?? null,
    })
    return new StepResponse({ review, created: true }, review.id as string | null)
  },
  async (reviewId: string | null | undefined, { container }) => {
    if (reviewId) {
      const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
      await service.deleteRiskReviews(reviewId)
    }
  }
)
