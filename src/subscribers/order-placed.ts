import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { placedOrderBatcher, scheduleOrderSideEffectsWorkflow } from "../workflows"
import { ASYNC_FULFILMENT_MODULE } from "../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../modules/async-fulfilment/service"
import { startScheduleSpan, traceSchedule } from "../modules/async-fulfilment/tracing"

/**
 * Hands the order to the background pipeline; the checkout that emitted this is already done.
 * Batched (the default), the event is done once the order waits for its batch: the batch runs
 * in this process at once or right after the one running, and an order it loses (the process
 * dies meanwhile) is found by the reconciler. When more orders wait than one batch holds, the
 * event waits for its order, which slows the event bus down to the pace of the scheduling.
 */
export default async function scheduleSideEffectsOnOrderPlaced({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const orderId = event.data?.id
  if (typeof orderId !== "string" || !orderId) {
    logger.error(`[async-fulfilment] ignored an order.placed event without an order id`)
    return
  }
  const eventId = (event.metadata?.eventGroupId as string | undefined) ?? null
  // the event bus carries no trace context: the checkout's, when recorded, is continued here
  const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
  const checkoutTrace = await service.checkoutTraceOf(orderId)
  const { mode, maxBatchSize } = service.getOptions().scheduling
  if (mode === "per-order") {
    await traceSchedule(orderId, checkoutTrace, () =>
      scheduleOrderSideEffectsWorkflow(container).run({ input: { order_id: orderId, event_id: eventId } })
    )
    return
  }

  const span = startScheduleSpan(orderId, checkoutTrace)
  const batcher = placedOrderBatcher(container, maxBatchSize)
  const scheduled = batcher.add({ order_id: orderId, event_id: eventId, span }).then(
    () => span.end(),
    (error) => {
      span.end(error)
      logger.error(
        `[async-fulfilment] could not schedule the side effects of order ${orderId} ` +
          `(${(error as Error).message}); the reconciler will schedule them`
      )
    }
  )
  service.holdShutdownUntil(scheduled)
  if (batcher.backlog > maxBatchSize) {
    await scheduled
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "async-fulfilment-order-placed" },
}
