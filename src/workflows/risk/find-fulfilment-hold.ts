import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import { assessRiskReview } from "../../modules/async-fulfilment/risk/assess-risk-review"
import { buildOrderDocument } from "../utils/build-order-document"
import { ORDER_DOCUMENT_FIELDS } from "../utils/order-document-fields"

/**
 * Why this order must not ship yet, or null: its risk review is pending or rejected, its held
 * rows wait for the review being recorded, or it is not recorded at all yet (the minutes
 * before the subscriber or the reconciler get to it) and would be reviewed. Approved, never
 * reviewed and pre-plugin orders pass. Read by the HTTP guard and the fulfilment workflow hook.
 */
export async function findFulfilmentHold(container: MedusaContainer, orderId: string): Promise<string | null> {
  const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
  const [review] = await service.listRiskReviews({ order_id: orderId }, { take: 1 })
  if (review?.status === "pending") {
    return `Order ${orderId} is waiting for its risk review (${review.id}): approve it before creating a fulfillment`
  }
  if (review?.status === "rejected") {
    return `Order ${orderId} was rejected in risk review (${review.id}): it cannot be fulfilled`
  }
  if (review) {
    return null
  }
  const rows = await service.listSideEffectJobs({ order_id: orderId }, { select: ["id", "status"] })
  if (rows.some((row) => row.status === "held")) {
    return `Order ${orderId} is held for risk review and its review is being recorded: try again in a moment`
  }
  const riskReview = service.getOptions().riskReview
  if (rows.length || !riskReview) {
    return null
  }
  return (await wouldBeReviewed(container, service, orderId))
    ? `Order ${orderId} goes to risk review and is not recorded yet: it counts as pending until it is (within a minute); approve its review before creating a fulfillment`
    : null
}

/** An unrecorded order the pipeline will still record (placed since the plugin records, within the lookback) and review. */
async function wouldBeReviewed(container: MedusaContainer, service: AsyncFulfilmentModuleService, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: [...ORDER_DOCUMENT_FIELDS], filters: { id: orderId } })
  const order = orders[0]
  if (!order) {
    return false
  }
  const placedAt = new Date(order.created_at as string | Date)
  const [first] = await service.listSideEffectJobs({}, { take: 1, order: { created_at: "ASC" }, select: ["id", "created_at"] })
  const lookbackStart = Date.now() - service.getOptions().reconcile.lookbackHours * 3_600_000
  if (!first || placedAt < new Date(first.created_at) || placedAt.getTime() < lookbackStart) {
    return false
  }
  return assessRiskReview(buildOrderDocument(order), service.getOptions().riskReview).review
}
