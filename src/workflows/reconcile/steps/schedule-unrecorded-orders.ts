import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { scheduleOrderSideEffectsWorkflowId } from "../../side-effects/schedule-order-side-effects-id"

export const scheduleUnrecordedOrdersStepId = "schedule-unrecorded-orders"

/**
 * Sends each lost order down the same path `order.placed` takes, one run of the schedule workflow
 * per order through the workflow engine (a composed sub-workflow would fail the whole sweep with
 * its first order): one failing order does not stop the rest.
 */
export const scheduleUnrecordedOrdersStep = createStep(
  scheduleUnrecordedOrdersStepId,
  async (orderIds: string[], { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const scheduled: string[] = []
    for (const orderId of orderIds) {
      const { errors } = await engine.run(scheduleOrderSideEffectsWorkflowId, {
        input: { order_id: orderId, event_id: "reconcile" },
        throwOnError: false,
      })
      if (!errors?.length) {
        scheduled.push(orderId)
      }
    }
    return new StepResponse(scheduled)
  }
)
