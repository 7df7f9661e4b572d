import { StatusBadge } from "@medusajs/ui"
import { STATUS_COLOR, STATUS_LABEL } from "../lib/job-status"
import type { JobStatus } from "../../api/admin/async-fulfilment/contract"

export const JobStatusBadge = ({ status }: { status: JobStatus }) => (
  <StatusBadge color={STATUS_COLOR[status]} data-status={status}>
    {STATUS_LABEL[status] ?? status}
  </StatusBadge>
)
