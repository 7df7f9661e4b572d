import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findRefusedOrders } from "./find-refused-orders"

export interface RefuseRetryOfRefusedOrdersStepInput {
  rows: { id: string; kind: string; order_id: string; subject?: string | null }[]
}

export const refuseRetryOfRefusedOrdersStepId = "refuse-retry-of-refused-orders"

/**
 * A retry must not produce the invoice, mail or ERP document of an order rejected in risk
 * review or canceled: 409 naming the reason. (A rejected order's rows are discarded, and a
 * retry would otherwise accept them.) A credit note's jobs (a subject) are what a cancellation
 * produces: they may be retried.
 */
export const refuseRetryOfRefusedOrdersStep = createStep(
  refuseRetryOfRefusedOrdersStepId,
  async ({ rows }: RefuseRetryOfRefusedOrdersStepInput, { container }) => {
    const ownRows = rows.filter((row) => !row.subject)
    const refused = await findRefusedOrders(container, ownRows.map((row) => row.order_id))
    for (const row of ownRows) {
      const reason = refused.get(row.order_id)
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
