import type { JobStatus } from "../contract"
import type { AdminGetSideEffectJobsParamsType } from "../validators"

const statusFilter = (status: JobStatus, now: Date): Record<string, unknown> => {
  switch (status) {
    case "waiting":
      return { status: "queued", $or: [{ next_retry_at: null }, { next_retry_at: { $lte: now } }] }
    case "delayed":
      return { status: "queued", next_retry_at: { $gt: now } }
    default:
      return { status }
  }
}

/** What `req.filterableFields` holds of the validated query: the filters, not the paging. */
type JobListFilterFields = Omit<AdminGetSideEffectJobsParamsType, "fields" | "limit" | "offset" | "order" | "with_deleted">

/** Query-graph filters for the jobs list: the request's filterable fields, an admin status as row filters. */
export function buildJobFilters(filterable: JobListFilterFields, now = new Date()) {
  const { status, ...filters } = filterable
  return { ...filters, ...(status ? statusFilter(status, now) : {}) }
}
