import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export interface RefuseRetryOfRefusedOrdersStepInput {
  rows: { id: string; kind: string; order_id: string }[]
}

export const refuseRetryOfRefusedOrdersStepId = "refuse-retry-of-refused-orders"

/**
 * A retry must not produce the invoice, mail or ERP document of an order rejected in risk
 * review or canceled: 409 naming the reason. (A rejected order's rows are discarded, and a
 * retry would otherwise accept them.)
 */
export const refuseRetryOfRefusedOrdersStep = createStep(
  refuseRetryOfRefusedOrdersStepId,
  async ({ rows }: RefuseRetryOfRefusedOrdersStepInput, { container }) => {
    const orderIds = [...new Set(rows.map((row) => row.order_id))]
    if (!orderIds.length) {
      return new StepResponse(undefined)
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const rejected = await service.listRiskReviews({ order_id: orderIds, status: "rejected" })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: canceled } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { id: orderIds, status: "canceled" },
    })
    const refusal = (row: RefuseRetryOfRefusedOrdersStepInput["rows"][number]) => {
      const review = rejected.find((r) => r.order_id === row.order_id)
      if (review) {
        return `its order ${row.order_id} was rejected in risk review (${review.id})`
      }
      return canceled.some((order) => order.id === row.order_id) ? `its order ${row.order_id} was canceled` : null
    }
    for (const row of rows) {
      const reason = refusal(row)
      if (reason) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Side-effect job ${row.id} (${row.kind}) cannot be retried: ${reason}, so its side effects must never run`
        )
      }
    }
    return new StepResponse(undefined)
  }
)
