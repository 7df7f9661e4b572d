import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findFulfilmentHold } from "../../../../workflows/risk/find-fulfilment-hold"

/**
 * Runs before Medusa's `POST /admin/orders/:id/fulfillments`: an order held for risk review is
 * refused before the fulfillment provider is called. The workflow hook
 * (workflows/hooks/refuse-fulfilment-under-review.ts) enforces the same hold for every caller.
 */
export async function refuseFulfilmentUnderReview(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const hold = await findFulfilmentHold(req.scope, req.params.id)
    next(hold ? new MedusaError(MedusaError.Types.NOT_ALLOWED, hold) : undefined)
  } catch (error) {
    next(error)
  }
}
