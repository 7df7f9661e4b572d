import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderSideEffectsWorkflow } from "../workflows"

/** A canceled order: a credit note when it was invoiced, else its pending side effects are discarded. */
export default async function settleSideEffectsOnOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const orderId = event.data?.id
  if (typeof orderId !== "string" || !orderId) {
    logger.error(`[async-fulfilment] ignored an order.canceled event without an order id`)
    return
  }
  const eventId = (event.metadata?.eventGroupId as string | undefined) ?? null
  await cancelOrderSideEffectsWorkflow(container).run({ input: { order_id: orderId, event_id: eventId } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "async-fulfilment-order-canceled" },
}
