import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../modules/async-fulfilment/types/side-effect"

export interface EnqueueOrderSideEffectsStepInput {
  order_id: string
  event_id: string | null
  kinds: SideEffectKind[]
}

export const enqueueOrderSideEffectsStepId = "enqueue-order-side-effects"

/** Adds the order's jobs to BullMQ in one round trip; the compensation takes them out again. */
export const enqueueOrderSideEffectsStep = createStep(
  enqueueOrderSideEffectsStepId,
  async (input: EnqueueOrderSideEffectsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const jobIds = await service.enqueueOrderSideEffects(input)
    return new StepResponse(jobIds, { order_id: input.order_id, kinds: input.kinds })
  },
  async (enqueued: { order_id: string; kinds: SideEffectKind[] } | undefined, { container }) => {
    if (!enqueued?.kinds.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.removeOrderSideEffectJobs(enqueued.order_id, enqueued.kinds)
  }
)
