import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { ReconcileLease } from "../../../modules/async-fulfilment/service"
import { scheduleOrderSideEffectsWorkflowId } from "../../side-effects/schedule-order-side-effects-id"

export const scheduleUnrecordedOrdersStepId = "schedule-unrecorded-orders"

/** Orders scheduled at once (a backlog of lost orders drains faster; the store keeps its connections), then the lease is renewed. */
const ORDERS_AT_ONCE = 4

export interface ScheduleUnrecordedOrdersStepInput {
  order_ids: string[]
  lease: ReconcileLease
}

/**
 * Sends each lost order down the same path `order.placed` takes, one run of the schedule workflow
 * per order through the workflow engine (a composed sub-workflow would fail the whole sweep with
 * its first order): one failing order does not stop the rest. A few orders run at once, and the
 * lease is renewed before each few; once it is lost, the rest is left to the next sweep.
 */
export const scheduleUnrecordedOrdersStep = createStep(
  scheduleUnrecordedOrdersStepId,
  async ({ order_ids, lease }: ScheduleUnrecordedOrdersStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const scheduled: string[] = []
    for (let i = 0; i < order_ids.length; i += ORDERS_AT_ONCE) {
      if (!(await service.renewReconcileLock(lease.token, lease.ttl_ms))) {
        break
      }
      const chunk = order_ids.slice(i, i + ORDERS_AT_ONCE)
      const runs = await Promise.all(
        chunk.map((orderId) =>
          engine.run(scheduleOrderSideEffectsWorkflowId, {
            input: { order_id: orderId, event_id: "reconcile" },
            throwOnError: false,
          })
        )
      )
      scheduled.push(...chunk.filter((_, j) => !runs[j].errors?.length))
    }
    return new StepResponse(scheduled)
  }
)
