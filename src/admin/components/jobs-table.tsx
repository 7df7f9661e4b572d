import { TableFooter } from "./table-footer"
import { Table } from "@medusajs/ui"
import { formatDateTime, orderLabel } from "../lib/format"
import { canRetry, jobLabel } from "../lib/job-status"
import type { AdminSideEffectJob } from "../../api/admin/async-fulfilment/contract"
import { JobStatusBadge } from "./job-status-badge"
import { RetryJobButton } from "./retry-job-button"

type Props = {
  jobs: AdminSideEffectJob[]
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
  onOpen: (job: AdminSideEffectJob) => void
}

/** A page of jobs; a click on a row opens its details. */
export const JobsTable = ({ jobs, count, pageSize, pageIndex, onPageChange, onOpen }: Props) => {
  return (
    <div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Attempts</Table.HeaderCell>
            <Table.HeaderCell>Last error</Table.HeaderCell>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {jobs.map((job) => (
            <Table.Row key={job.id} className="cursor-pointer" onClick={() => onOpen(job)} data-testid={`job-row-${job.id}`}>
              <Table.Cell>{orderLabel(job)}</Table.Cell>
              <Table.Cell>{jobLabel(job)}</Table.Cell>
              <Table.Cell><JobStatusBadge status={job.status} /></Table.Cell>
              <Table.Cell>{job.attempts}/{job.max_attempts}</Table.Cell>
              <Table.Cell className="max-w-[320px] truncate" title={job.last_error?.message}>
                {job.last_error?.message ?? "–"}
              </Table.Cell>
              <Table.Cell>{formatDateTime(job.created_at)}</Table.Cell>
              <Table.Cell className="text-right">{canRetry(job) && <RetryJobButton job={job} />}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableFooter
        count={count}
        pageSize={pageSize}
        pageIndex={pageIndex}
        onPageChange={onPageChange}
        emptyText={jobs.length === 0 ? "No jobs match these filters." : null}
      />
    </div>
  )
}
