import { useMutation, useQueryClient } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { ResendMailBody, ResendMailResponse, ResyncErpBody, ResyncErpResponse } from "../../api/admin/async-fulfilment/contract"

/** After an action: the order's jobs, credit notes and audit trail, every job list and the counters. */
function useInvalidateOrder() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.orders.all }),
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.jobs.all }),
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.stats() }),
    ])
}

/** The invoice mail again, as a new job: to the order's address, or to `to`. */
export function useResendMail(orderId: string) {
  const invalidate = useInvalidateOrder()
  return useMutation({
    mutationFn: (body: ResendMailBody) =>
      sdk.client.fetch<ResendMailResponse>(`/admin/async-fulfilment/orders/${orderId}/resend-mail`, { method: "POST", body }),
    onSettled: invalidate,
  })
}

/** The order document (and its credit notes) to the ERP again, under new idempotency keys. */
export function useResyncErp(orderId: string) {
  const invalidate = useInvalidateOrder()
  return useMutation({
    mutationFn: (body: ResyncErpBody) =>
      sdk.client.fetch<ResyncErpResponse>(`/admin/async-fulfilment/orders/${orderId}/resync-erp`, { method: "POST", body }),
    onSettled: invalidate,
  })
}
