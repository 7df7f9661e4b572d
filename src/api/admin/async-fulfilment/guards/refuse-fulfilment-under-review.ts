import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Runs before Medusa's `POST /admin/orders/:id/fulfillments`: an order whose risk review is
 * pending or rejected must not ship. Approved and never-reviewed orders pass untouched.
 */
export async function refuseFulfilmentUnderReview(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "risk_review",
    fields: ["id", "status"],
    filters: { order_id: req.params.id, status: ["pending", "rejected"] },
  })
  const review = data[0]
  if (review) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        review.status === "pending"
          ? `Order ${req.params.id} is waiting for its risk review (${review.id}): approve it before creating a fulfillment`
          : `Order ${req.params.id} was rejected in risk review (${review.id}): it cannot be fulfilled`
      )
    )
  }
  next()
}
