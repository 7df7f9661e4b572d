import { useMutation, useQueryClient } from "@tanstack/react-query"
import { asyncFulfilmentKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { JobResponse, RetryJobsBody, RetryJobsResponse } from "../../api/admin/async-fulfilment/contract"

/** After any write: every job list and detail, every order's side effects and the counters. */
function useInvalidateJobs() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.jobs.all }),
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.orders.all }),
      queryClient.invalidateQueries({ queryKey: asyncFulfilmentKeys.stats() }),
    ])
}

export function useRetryJob() {
  const invalidate = useInvalidateJobs()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<JobResponse>(`/admin/async-fulfilment/jobs/${id}/retry`, { method: "POST" }),
    onSuccess: invalidate,
  })
}

export function useRetryJobs() {
  const invalidate = useInvalidateJobs()
  return useMutation({
    mutationFn: (body: RetryJobsBody) =>
      sdk.client.fetch<RetryJobsResponse>("/admin/async-fulfilment/jobs/retry", { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDiscardJob() {
  const invalidate = useInvalidateJobs()
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      sdk.client.fetch<JobResponse>(`/admin/async-fulfilment/jobs/${id}/discard`, {
        method: "POST",
        body: note ? { note } : {},
      }),
    onSuccess: invalidate,
  })
}
