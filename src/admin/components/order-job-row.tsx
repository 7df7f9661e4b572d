import { Text } from "@medusajs/ui"
import { canRetry, jobLabel } from "../lib/job-status"
import { backendHref } from "../lib/sdk"
import type { AdminSideEffectJob, OrderInvoice } from "../../api/admin/async-fulfilment/contract"
import { JobStatusBadge } from "./job-status-badge"
import { RetryJobButton } from "./retry-job-button"

type Props = { job: AdminSideEffectJob; invoice?: OrderInvoice | null }

/** One side effect of the order: status, attempts, last error, and Retry when it failed. */
export const OrderJobRow = ({ job, invoice }: Props) => (
  <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={job.subject ? `side-effect-${job.kind}-${job.subject}` : `side-effect-${job.kind}`}>
    <div className="flex items-center justify-between gap-x-2">
      <Text size="small" weight="plus" leading="compact">
        {jobLabel(job)}
      </Text>
      <div className="flex items-center gap-x-2">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {job.attempts}/{job.max_attempts}
        </Text>
        <JobStatusBadge status={job.status} />
      </div>
    </div>
    {invoice?.download_url && (
      <a href={backendHref(invoice.download_url)} target="_blank" rel="noreferrer" className="txt-small text-ui-fg-interactive hover:underline">
        {invoice.number} (PDF)
      </a>
    )}
    {job.last_error && job.status !== "completed" && (
      <Text size="xsmall" className="text-ui-fg-error break-words">
        {job.last_error.message}
      </Text>
    )}
    {canRetry(job) && (
      <div className="flex justify-end">
        <RetryJobButton job={job} />
      </div>
    )}
  </div>
)
