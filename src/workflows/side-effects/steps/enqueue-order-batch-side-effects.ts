import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectFlowInput } from "../../../modules/async-fulfilment/queues/side-effect-flow"

export const enqueueOrderBatchSideEffectsStepId = "enqueue-order-batch-side-effects"

/**
 * Adds the jobs of a batch of orders to BullMQ in one round trip, each order's continuing its
 * own schedule span. As for a single order: when Redis is unreachable the rows stay `queued`
 * and the reconciler enqueues them; nothing upstream fails for it.
 */
export const enqueueOrderBatchSideEffectsStep = createStep(
  enqueueOrderBatchSideEffectsStepId,
  async (orders: SideEffectFlowInput[], { container }) => {
    const flows = orders.filter(({ kinds }) => kinds.length)
    if (!flows.length) {
      return new StepResponse({ deferred: false }, [] as SideEffectFlowInput[])
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    try {
      await service.enqueueSideEffectFlows(flows)
      return new StepResponse({ deferred: false }, flows)
    } catch (error) {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      for (const { order_id } of flows) {
        logger.warn(
          `[async-fulfilment] could not enqueue the side effects of order ${order_id} ` +
            `(${(error as Error).message}); they are recorded and the reconciler will enqueue them`
        )
      }
      return new StepResponse({ deferred: true }, [] as SideEffectFlowInput[])
    }
  },
  async (enqueued: SideEffectFlowInput[] | undefined, { container }) => {
    if (!enqueued?.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    for (const { order_id, kinds } of enqueued) {
      await service.removeOrderSideEffectJobs(order_id, kinds)
    }
  }
)
