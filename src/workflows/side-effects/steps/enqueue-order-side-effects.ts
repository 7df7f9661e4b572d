import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface EnqueueOrderSideEffectsStepInput {
  order_id: string
  event_id: string | null
  kinds: SideEffectKind[]
}

export const enqueueOrderSideEffectsStepId = "enqueue-order-side-effects"

/**
 * Adds the order's jobs to BullMQ in one round trip. If the queue's Redis is unreachable the
 * rows stay `queued` in Postgres and the reconciler enqueues them once it is back: the order
 * is never forgotten, and nothing upstream (the subscriber, the checkout) fails for it.
 */
export const enqueueOrderSideEffectsStep = createStep(
  enqueueOrderSideEffectsStepId,
  async (input: EnqueueOrderSideEffectsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    try {
      const jobIds = await service.enqueueOrderSideEffects(input)
      return new StepResponse({ job_ids: jobIds, deferred: false }, { order_id: input.order_id, kinds: input.kinds })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `[async-fulfilment] could not enqueue the side effects of order ${input.order_id} ` +
            `(${(error as Error).message}); they are recorded and the reconciler will enqueue them`
        )
      return new StepResponse({ job_ids: [] as string[], deferred: true }, { order_id: input.order_id, kinds: [] })
    }
  },
  async (enqueued: { order_id: string; kinds: SideEffectKind[] } | undefined, { container }) => {
    if (!enqueued?.kinds.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.removeOrderSideEffectJobs(enqueued.order_id, enqueued.kinds)
  }
)
