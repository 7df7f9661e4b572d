import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

/**
 * The orders among these whose side effects must never run, each with the reason: rejected in
 * risk review, or canceled.
 */
export async function findRefusedOrders(container: MedusaContainer, orderIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(orderIds)]
  const refused = new Map<string, string>()
  if (!ids.length) {
    return refused
  }
  const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [rejected, { data: canceled }] = await Promise.all([
    service.listRiskReviews({ order_id: ids, status: "rejected" }),
    query.graph({ entity: "order", fields: ["id"], filters: { id: ids, status: "canceled" } }),
  ])
  for (const order of canceled) {
    refused.set(order.id, `its order ${order.id} was canceled`)
  }
  for (const review of rejected) {
    refused.set(review.order_id, `its order ${review.order_id} was rejected in risk review (${review.id})`)
  }
  return refused
}
