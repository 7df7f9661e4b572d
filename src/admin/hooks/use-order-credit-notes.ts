import { useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { OrderCreditNotesResponse } from "../../api/admin/async-fulfilment/contract"

const POLL_MS = 2_000

/** The order's credit notes; polled while one's PDF is still being rendered. */
export function useOrderCreditNotes(orderId: string) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.orders.creditNotes(orderId),
    queryFn: () =>
      sdk.client.fetch<OrderCreditNotesResponse>(`/admin/async-fulfilment/orders/${orderId}/credit-notes`),
    refetchInterval: (query) => (query.state.data?.credit_notes.some((note) => !note.file_ready) ? POLL_MS : false),
  })
}
