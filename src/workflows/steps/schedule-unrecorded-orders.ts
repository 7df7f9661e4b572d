import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { scheduleOrderSideEffectsWorkflow } from "../schedule-order-side-effects"

export const scheduleUnrecordedOrdersStepId = "schedule-unrecorded-orders"

/** Sends each lost order down the same path `order.placed` takes; one failing order does not stop the rest. */
export const scheduleUnrecordedOrdersStep = createStep(
  scheduleUnrecordedOrdersStepId,
  async (orderIds: string[], { container }) => {
    const scheduled: string[] = []
    for (const orderId of orderIds) {
      const { errors } = await scheduleOrderSideEffectsWorkflow(container).run({
        input: { order_id: orderId, event_id: "reconcile" },
        throwOnError: false,
      })
      if (!errors.length) {
        scheduled.push(orderId)
      }
    }
    return new StepResponse(scheduled)
  }
)
