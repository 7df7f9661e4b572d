import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const discardHeldSideEffectsStepId = "discard-held-side-effects"

/** A rejected review: the order's held side effects never run; their rows stay, discarded, for audit. */
export const discardHeldSideEffectsStep = createStep(
  discardHeldSideEffectsStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.discardHeldSideEffects(order_id, "the order was rejected in risk review")
    return new StepResponse(undefined)
  }
)
