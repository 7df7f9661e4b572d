import { Button, toast } from "@medusajs/ui"
import type { MouseEvent } from "react"
import { useRetryJob } from "../hooks"
import { jobLabel } from "../lib/job-status"
import type { AdminSideEffectJob } from "../../api/admin/async-fulfilment/contract"

/** Queues a failed job again and says so in a toast; the lists refresh on success. */
export const RetryJobButton = ({ job }: { job: AdminSideEffectJob }) => {
  const { mutate, isPending } = useRetryJob()
  const label = `${jobLabel(job)} job`

  const retry = (event: MouseEvent) => {
    event.stopPropagation() // inside a clickable table row
    mutate(job.id, {
      onSuccess: () => toast.success(`${label} queued again`),
      onError: (error) => toast.error(`Could not retry the ${label}`, { description: error.message }),
    })
  }

  return (
    <Button size="small" variant="secondary" isLoading={isPending} onClick={retry}>
      Retry
    </Button>
  )
}
