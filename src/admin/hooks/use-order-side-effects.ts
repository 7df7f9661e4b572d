import { useQuery } from "@tanstack/react-query"
import { isPending } from "../lib/job-status"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { OrderSideEffectsResponse } from "../../api/admin/async-fulfilment/contract"

const POLL_MS = 2_000

/** An order's invoice, mail and ERP jobs; polled while one of them is still on its way. */
export function useOrderSideEffects(orderId: string) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.orders.sideEffects(orderId),
    queryFn: () =>
      sdk.client.fetch<OrderSideEffectsResponse>(`/admin/async-fulfilment/orders/${orderId}/side-effects`),
    refetchInterval: (query) => (query.state.data?.jobs.some(isPending) ? POLL_MS : false),
  })
}
