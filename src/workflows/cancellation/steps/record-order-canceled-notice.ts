import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { ORDER_CANCELED_SUBJECT, type SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export const recordOrderCanceledNoticeStepId = "record-order-canceled-notice"

export interface RecordOrderCanceledNoticeInput {
  order_id: string
  event_id: string | null
  /** the ERP received the order: it gets the `order_canceled` document */
  erp_received: boolean
}

/**
 * An order canceled before it was invoiced: the customer's cancellation mail and, when the ERP
 * received the order, its `order_canceled` document (jobs with subject `order_canceled`).
 * Recorded once; a repeat records nothing.
 */
export const recordOrderCanceledNoticeStep = createStep(
  recordOrderCanceledNoticeStepId,
  async ({ order_id, event_id, erp_received }: RecordOrderCanceledNoticeInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const kinds: SideEffectKind[] = await service.recordOrderCanceledNotices(order_id, event_id, { erp: erp_received })
    return new StepResponse({ subject: ORDER_CANCELED_SUBJECT, kinds })
  }
)
