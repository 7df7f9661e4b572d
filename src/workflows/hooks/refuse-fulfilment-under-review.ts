import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { refuseHeldFulfilment } from "../risk/refuse-held-fulfilment"

/**
 * The risk-review hold inside Medusa's own fulfilment workflow, whoever runs it (the admin
 * route, a store's code, another workflow). Medusa 2.21.2's createOrderFulfillmentWorkflow
 * offers one hook, `fulfillmentCreated`, after the fulfillment is created: throwing there
 * fails the workflow, whose compensations cancel the fulfillment, its link to the order, the
 * order's fulfilled quantities and the inventory changes, and its events are never released.
 * Read at import, before any option: the environment is the only switch there is.
 */
if (process.env.ASYNC_FULFILMENT_FULFILMENT_HOOK !== "off") {
  createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(refuseHeldFulfilment)
}
