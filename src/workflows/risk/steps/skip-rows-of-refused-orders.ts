import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SideEffectJobDTO } from "../../../modules/async-fulfilment/side-effect-jobs/side-effect-job-dto"
import { findRefusedOrders } from "./find-refused-orders"

export const skipRowsOfRefusedOrdersStepId = "skip-rows-of-refused-orders"

/**
 * A bulk retry leaves out the order's own rows of orders rejected in risk review or canceled, and
 * goes on with the rest (a canceled order's credit-note jobs included).
 */
export const skipRowsOfRefusedOrdersStep = createStep(
  skipRowsOfRefusedOrdersStepId,
  async (rows: SideEffectJobDTO[], { container }) => {
    const refused = await findRefusedOrders(container, rows.filter((row) => !row.subject).map((row) => row.order_id))
    return new StepResponse(rows.filter((row) => row.subject || !refused.has(row.order_id)))
  }
)
