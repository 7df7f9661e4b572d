import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creditReceivedReturnWorkflow } from "../workflows"

/** A received return: a credit note of the returned lines (through its job). */
export default async function creditReturnOnReturnReceived({
  event,
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  const returnId = event.data?.return_id
  if (typeof returnId !== "string" || !returnId) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`[async-fulfilment] ignored an order.return_received event without a return id`)
    return
  }
  const eventId = (event.metadata?.eventGroupId as string | undefined) ?? null
  await creditReceivedReturnWorkflow(container).run({ input: { return_id: returnId, event_id: eventId } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "async-fulfilment-order-return-received" },
}
