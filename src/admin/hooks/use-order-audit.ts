import { useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { OrderAuditResponse } from "../lib/order-actions-contract"

/** Who did what to the order (retries, discards, reviews, resends, resyncs), as the API orders it. */
export function useOrderAudit(orderId: string) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.orders.audit(orderId),
    queryFn: () => sdk.client.fetch<OrderAuditResponse>(`/admin/async-fulfilment/orders/${orderId}/audit`),
  })
}
