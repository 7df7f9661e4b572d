import { Button, Drawer, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useDiscardJob, useSideEffectJob } from "../hooks"
import { formatDateTime, orderLabel } from "../lib/format"
import { canRetry, jobLabel } from "../lib/job-status"
import { ErrorHistory } from "./error-history"
import { JobStatusBadge } from "./job-status-badge"
import { KeyValueList } from "./key-value-list"
import { RetryJobButton } from "./retry-job-button"

type Props = { jobId: string | null; onClose: () => void }

/** One job in full: timestamps, BullMQ state, error history, payload and result. */
export const JobDetailDrawer = ({ jobId, onClose }: Props) => {
  const { data, isLoading, isError, error } = useSideEffectJob(jobId)
  const discard = useDiscardJob()
  const prompt = usePrompt()
  const job = data?.job

  const onDiscard = async () => {
    if (!job) return
    const confirmed = await prompt({
      title: "Discard this job?",
      description: `The ${jobLabel(job)} job of order ${orderLabel(job)} will not be retried again.`,
      confirmText: "Discard",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    discard.mutate({ id: job.id }, {
      onSuccess: () => toast.success("Job discarded"),
      onError: (err) => toast.error("Could not discard the job", { description: err.message }),
    })
  }

  return (
    <Drawer open={!!jobId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{job ? `${jobLabel(job)} job of order ${orderLabel(job)}` : "Job"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isLoading && <Text size="small">Loading…</Text>}
          {isError && <Text size="small" className="text-ui-fg-error">{error.message}</Text>}
          {job && (
            <>
              <div className="flex items-center gap-x-3">
                <JobStatusBadge status={job.status} />
                <Text size="small">{job.attempts}/{job.max_attempts} attempts</Text>
                <Link to={`/orders/${job.order_id}`} className="txt-small text-ui-fg-interactive">Open order</Link>
              </div>
              <KeyValueList
                entries={[
                  ["created", formatDateTime(job.created_at)],
                  ["started", formatDateTime(job.started_at)],
                  ["completed", formatDateTime(job.completed_at)],
                  ["failed", formatDateTime(job.failed_at)],
                  ["next retry", formatDateTime(job.next_retry_at)],
                  ...(job.discarded_at ? [["discarded", `${formatDateTime(job.discarded_at)} ${job.discard_note ?? ""}`] as [string, unknown]] : []),
                  ["queue", job.queue ? `${job.queue.name}: ${job.queue.state}, ${job.queue.attempts_made} made` : "not in the queue"],
                ]}
              />
              <section className="flex flex-col gap-y-2">
                <Heading level="h3">Error history</Heading>
                <ErrorHistory errors={job.error_history} />
              </section>
              <section className="flex flex-col gap-y-2">
                <Heading level="h3">Payload</Heading>
                <KeyValueList entries={Object.entries(job.payload ?? {})} />
              </section>
              {job.result && (
                <section className="flex flex-col gap-y-2">
                  <Heading level="h3">Result</Heading>
                  <KeyValueList entries={Object.entries(job.result)} />
                </section>
              )}
            </>
          )}
        </Drawer.Body>
        {job && canRetry(job) && (
          <Drawer.Footer>
            <Button size="small" variant="danger" isLoading={discard.isPending} onClick={onDiscard}>Discard</Button>
            <RetryJobButton job={job} />
          </Drawer.Footer>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
