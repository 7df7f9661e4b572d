import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { RiskReviewListFilters, RiskReviewListResponse } from "../../api/admin/async-fulfilment/contract"

/** A page of risk reviews; the previous page stays on screen while the next one loads. */
export function useRiskReviews(filters: RiskReviewListFilters) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.reviews.list(filters),
    queryFn: () =>
      sdk.client.fetch<RiskReviewListResponse>("/admin/async-fulfilment/reviews", { query: filters }),
    placeholderData: keepPreviousData,
  })
}

/** The order's risk review, or null when the order was never held for one (at most one per order). */
export function useOrderRiskReview(orderId: string) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.reviews.byOrder(orderId),
    queryFn: async () => {
      const { reviews } = await sdk.client.fetch<RiskReviewListResponse>("/admin/async-fulfilment/reviews", {
        query: { order_id: orderId, limit: 1 },
      })
      return reviews[0] ?? null
    },
  })
}
