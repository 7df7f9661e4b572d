import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { findFulfilmentHold } from "./find-fulfilment-hold"

/**
 * The handler of createOrderFulfillmentWorkflow's `fulfillmentCreated` hook: throws NOT_ALLOWED
 * when the fulfillment's order is held for risk review. Exported for a store that consumes that
 * hook itself (a hook takes one handler): it turns ours off with
 * ASYNC_FULFILMENT_FULFILMENT_HOOK=off and calls this first in its own handler.
 */
export async function refuseHeldFulfilment(
  { fulfillment }: { fulfillment: { id: string } },
  { container }: { container: MedusaContainer }
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: fulfillment.id },
  })
  const orderId = links[0]?.order_id as string | undefined
  const hold = orderId ? await findFulfilmentHold(container, orderId) : null
  if (hold) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, hold)
  }
}
