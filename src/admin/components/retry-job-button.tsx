import { Button, toast } from "@medusajs/ui"
import type { MouseEvent } from "react"
import { useRetryJob } from "../hooks"
import { jobLabel } from "../lib/job-status"
import type { AdminSideEffectJob } from "../../api/admin/async-fulfilment/contract"

/**
 * Queues a failed job again and says so in a toast; the lists refresh on success. The toast hangs
 * on mutateAsync's promise, not on mutate's callbacks: the refreshed list no longer shows this
 * button (the job is not failed any more), and TanStack Query skips mutate's callbacks once the
 * component that called it has unmounted.
 */
export const RetryJobButton = ({ job }: { job: AdminSideEffectJob }) => {
  const { mutateAsync, isPending } = useRetryJob()
  const label = `${jobLabel(job)} job`

  const retry = (event: MouseEvent) => {
    event.stopPropagation() // inside a clickable table row
    mutateAsync(job.id).then(
      () => toast.success(`${label} queued again`),
      (error: Error) => toast.error(`Could not retry the ${label}`, { description: error.message })
    )
  }

  return (
    <Button size="small" variant="secondary" isLoading={isPending} onClick={retry}>
      Retry
    </Button>
  )
}
