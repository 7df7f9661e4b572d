import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const releaseHeldSideEffectsStepId = "release-held-side-effects"

/** An approved review: the order's held side effects are queued as for any order. */
export const releaseHeldSideEffectsStep = createStep(
  releaseHeldSideEffectsStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    return new StepResponse(await service.releaseHeldSideEffects(order_id))
  }
)
