import type { MedusaContainer } from "@medusajs/framework/types"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import { captureTraceCarrier } from "../../modules/async-fulfilment/tracing"

/**
 * Medusa's event bus drops the trace context between the checkout and its `order.placed`
 * subscriber: the checkout's span context (its HTTP request, its workflow) is kept beside the
 * order here, inside completeCartWorkflow, so the order's side effects continue that trace.
 * Without an OpenTelemetry SDK there is no span context and nothing is written.
 * A workflow hook takes one handler: a store that needs `orderCreated` for itself sets
 * ASYNC_FULFILMENT_CHECKOUT_TRACE_HOOK=off (its side effects' traces then start at the subscriber).
 */
type OrderCreatedHook = (
  handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<void>
) => void

// declared by the workflow (2.21.2) but left out of its typed `hooks`, which lists only `validate`
const orderCreated = (completeCartWorkflow.hooks as unknown as { orderCreated?: OrderCreatedHook }).orderCreated

if (orderCreated && process.env.ASYNC_FULFILMENT_CHECKOUT_TRACE_HOOK !== "off") {
  orderCreated(async ({ order_id }, { container }) => {
    const carrier = captureTraceCarrier()
    if (!carrier) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    // a lost trace is not worth failing a checkout for
    await service.rememberCheckoutTrace(order_id, carrier).catch(() => undefined)
  })
}
