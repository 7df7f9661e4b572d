import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { ReviewNotice } from "../../../modules/async-fulfilment/mail/review-notices"

export interface SendReviewNoticeStepInput {
  order_id: string
  notice: ReviewNotice
}

export const sendReviewNoticeStepId = "send-review-notice"

/** Queues the customer's mail about the review ("order received, under review", or the rejection). */
export const sendReviewNoticeStep = createStep(
  sendReviewNoticeStepId,
  async (input: SendReviewNoticeStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    return new StepResponse(await service.sendReviewNotice(input.order_id, input.notice))
  }
)
