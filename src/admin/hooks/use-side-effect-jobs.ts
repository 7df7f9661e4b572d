import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { JobDetailResponse, JobListFilters, JobListResponse } from "../../api/admin/async-fulfilment/contract"

/** A page of side-effect jobs; the previous page stays on screen while the next one loads. */
export function useSideEffectJobs(filters: JobListFilters) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.jobs.list(filters),
    queryFn: () =>
      sdk.client.fetch<JobListResponse>("/admin/async-fulfilment/jobs", { query: filters }),
    placeholderData: keepPreviousData,
  })
}

/** One job with its error history, payload and BullMQ state; `id` null while nothing is open. */
export function useSideEffectJob(id: string | null) {
  return useQuery({
    queryKey: asyncFulfilmentKeys.jobs.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<JobDetailResponse>(`/admin/async-fulfilment/jobs/${id}`),
    enabled: !!id,
  })
}
