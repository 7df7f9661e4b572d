import { useMutation, useQueryClient } from "@tanstack/react-query"
import { asyncFulfilmentKeys, dashboardOrderKey } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AdminRiskReview, RiskReviewDecision, RiskReviewResponse } from "../../api/admin/async-fulfilment/contract"

type Variables = { review: Pick<AdminRiskReview, "id" | "order_id">; decision: RiskReviewDecision; note?: string }

/**
 * Approves (releasing the held side effects) or rejects (cancelling the order) a review. Settled
 * either way, it refreshes the reviews, jobs, counters and the order: a 409 means someone decided first.
 */
export function useReviewDecision() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ review, decision, note }: Variables) =>
      sdk.client.fetch<RiskReviewResponse>(`/admin/async-fulfilment/reviews/${review.id}/${decision}`, {
        method: "POST",
        body: note ? { note } : {},
      }),
    onSettled: (_data, _error, { review }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.reviews.all }),
        queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.jobs.all }),
        queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.orders.sideEffects(review.order_id) }),
        queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.stats() }),
        queryClient.invalidateQueries({ queryKey: dashboardOrderKey(review.order_id) }),
      ]),
  })
}
