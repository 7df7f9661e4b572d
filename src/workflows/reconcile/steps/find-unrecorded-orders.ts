import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const findUnrecordedOrdersStepId = "find-unrecorded-orders"

/**
 * Placed orders of the lookback window, older than the grace period, that have no side-effect
 * record: their `order.placed` was lost (Redis down, subscriber failed, process died).
 */
export const findUnrecordedOrdersStep = createStep(
  findUnrecordedOrdersStepId,
  async (_: void, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { graceSeconds, lookbackHours, batchSize } = service.getOptions().reconcile
    const now = Date.now()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "created_at"],
      filters: {
        is_draft_order: false,
        status: { $nin: ["draft", "canceled"] },
        created_at: {
          $gte: new Date(now - lookbackHours * 3_600_000),
          $lte: new Date(now - graceSeconds * 1_000),
        },
      },
      pagination: { take: batchSize * 5, order: { created_at: "DESC" } },
    })
    const unrecorded = await service.findUnrecordedOrders(orders)
    return new StepResponse(unrecorded.slice(0, batchSize))
  }
)
