import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduleOrderSideEffectsWorkflow } from "../workflows"

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
  await scheduleOrderSideEffectsWorkflow(container).run({ input: { order_id: orderId, event_id: eventId } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "async-fulfilment-order-placed" },
}
