import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { findFulfilmentHold } from "../risk/find-fulfilment-hold"

/**
 * The risk-review hold inside Medusa's own fulfilment workflow, whoever runs it (the admin
 * route, a store's code, another workflow). Medusa 2.21.2's createOrderFulfillmentWorkflow
 * offers one hook, `fulfillmentCreated`, after the fulfillment is created: throwing there
 * fails the workflow, whose compensations cancel the fulfillment, its link to the order, the
 * order's fulfilled quantities and the inventory changes, and its events are never released.
 */
createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(async ({ fulfillment }, { container }) => {
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
})
