import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { ReconcileLease } from "../../../modules/async-fulfilment/service"
import { scheduleOrderSideEffectsWorkflowId } from "../../side-effects/schedule-order-side-effects-id"

export const scheduleUnrecordedOrdersStepId = "schedule-unrecorded-orders"

/** Orders scheduled between two renewals of the lease. */
const ORDERS_PER_RENEWAL = 20

export interface ScheduleUnrecordedOrdersStepInput {
  order_ids: string[]
  lease: ReconcileLease
}

/**
 * Sends each lost order down the same path `order.placed` takes, one run of the schedule workflow
 * per order through the workflow engine (a composed sub-workflow would fail the whole sweep with
 * its first order): one failing order does not stop the rest. The lease is renewed every few
 * orders; once it is lost, the rest is left to the next sweep.
 */
export const scheduleUnrecordedOrdersStep = createStep(
  scheduleUnrecordedOrdersStepId,
  async ({ order_ids, lease }: ScheduleUnrecordedOrdersStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const scheduled: string[] = []
    for (const [i, orderId] of order_ids.entries()) {
      if (i % ORDERS_PER_RENEWAL === 0 && !(await service.renewReconcileLock(lease.token, lease.ttl_ms))) {
        break
      }
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
