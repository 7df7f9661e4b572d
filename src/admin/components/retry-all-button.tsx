import { Button, toast, usePrompt } from "@medusajs/ui"
import { useRetryJobs } from "../hooks"
import { KIND_LABEL } from "../lib/job-status"
import type { JobFilterValues } from "./job-filters"

type Props = { filters: JobFilterValues; count: number }

/**
 * Retries every failed job the kind filter matches (all pages, not only this one), after a
 * confirmation. The bulk route cannot narrow by order, so an order filter disables it.
 */
export const RetryAllButton = ({ filters, count }: Props) => {
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRetryJobs()
  const failedOnly = filters.status === undefined || filters.status === "failed"
  const disabled = !failedOnly || !!filters.order_id.trim() || count === 0
  const what = `failed ${filters.kind ? `${KIND_LABEL[filters.kind]} ` : ""}jobs`

  const retryAll = async () => {
    const confirmed = await prompt({
      title: `Retry all ${what}?`,
      description: `Every ${what.replace(/s$/, "")} matching this filter is queued again.`,
      confirmText: "Retry all",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      // without a kind filter it is every failed job: the route wants that said as `all: true`
      const { retried } = await mutateAsync({ ...(filters.kind ? { kind: filters.kind } : { all: true }), status: "failed" })
      toast.success(`${retried} job${retried === 1 ? "" : "s"} queued again`)
    } catch (error) {
      toast.error("Could not retry the jobs", { description: (error as Error).message })
    }
  }

  return (
    <Button size="small" variant="secondary" disabled={disabled} isLoading={isPending} onClick={retryAll}>
      Retry all shown
    </Button>
  )
}
