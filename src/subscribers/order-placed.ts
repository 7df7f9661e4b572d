import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduleOrderSideEffectsWorkflow } from "../workflows"
import { ASYNC_FULFILMENT_MODULE } from "../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../modules/async-fulfilment/service"
import { traceSchedule } from "../modules/async-fulfilment/tracing"

/** Hands the order to the background pipeline; the checkout that emitted this is already done. */
export default async function scheduleSideEffectsOnOrderPlaced({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const orderId = event.data?.id
  if (typeof orderId !== "string" || !orderId) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`[async-fulfilment] ignored an order.placed event without an order id`)
    return
  }
  const eventId = (event.metadata?.eventGroupId as string | undefined) ?? null
  // the event bus carries no trace context: the checkout's, when recorded, is continued here
  const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
  const checkoutTrace = await service.checkoutTraceOf(orderId)
  await traceSchedule(orderId, checkoutTrace, () =>
    scheduleOrderSideEffectsWorkflow(container).run({ input: { order_id: orderId, event_id: eventId } })
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "async-fulfilment-order-placed" },
}
