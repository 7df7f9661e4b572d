import { useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AuditTrailResponse } from "../../api/admin/async-fulfilment/contract"

/** Who did what to the order (retries, discards, reviews, resends, resyncs), newest first (the API's first 50). */
export function useOrderAudit(orderId: string) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.orders.audit(orderId),
    queryFn: () => sdk.client.fetch<AuditTrailResponse>(`/admin/async-fulfilment/orders/${orderId}/audit`),
  })
}
