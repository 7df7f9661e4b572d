import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { ORDER_CANCELED_SUBJECT, type SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export const recordOrderCanceledNoticeStepId = "record-order-canceled-notice"

/**
 * The ERP received the order, which was canceled before it was invoiced: one ERP job (subject
 * `order_canceled`) sends it the `order_canceled` document. Recorded once; a repeat records nothing.
 */
export const recordOrderCanceledNoticeStep = createStep(
  recordOrderCanceledNoticeStepId,
  async ({ order_id, event_id }: { order_id: string; event_id: string | null }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const kinds: SideEffectKind[] = await service.recordOrderCanceledNotice(order_id, event_id)
    return new StepResponse({ subject: ORDER_CANCELED_SUBJECT, kinds })
  }
)
