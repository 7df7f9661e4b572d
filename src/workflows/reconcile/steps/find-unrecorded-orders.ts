import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { selectUnrecordedOrderIds } from "./select-unrecorded-order-ids"

export const findUnrecordedOrdersStepId = "find-unrecorded-orders"

/**
 * Placed orders of the lookback window, older than the grace period, that have no side-effect
 * record: their `order.placed` was lost (Redis down, subscriber failed, process died). The oldest
 * `batchSize` of them, however many recorded orders were placed since.
 */
export const findUnrecordedOrdersStep = createStep(
  findUnrecordedOrdersStepId,
  async (_: void, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { graceSeconds, lookbackHours, batchSize } = service.getOptions().reconcile
    const now = Date.now()
    const unrecorded = await selectUnrecordedOrderIds(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), {
      placedFrom: new Date(now - lookbackHours * 3_600_000),
      placedTo: new Date(now - graceSeconds * 1_000),
      limit: batchSize,
    })
    return new StepResponse(unrecorded)
  }
)
