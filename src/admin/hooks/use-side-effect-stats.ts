import { useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { StatsResponse } from "../../api/admin/async-fulfilment/contract"

/** Queue counters per kind, refreshed every 10 s while the page is open. */
export function useSideEffectStats() {
  return useQuery({
    queryKey: asyncFulfilmentKeys.stats(),
    queryFn: () => sdk.client.fetch<StatsResponse>("/admin/async-fulfilment/stats"),
    refetchInterval: 10_000,
  })
}
