import type { AdminGetSideEffectJobsParamsType, AdminJobStatus } from "../validators"

const statusFilter = (status: AdminJobStatus, now: Date): Record<string, unknown> => {
  switch (status) {
    case "waiting":
      return { status: "queued", $or: [{ next_retry_at: null }, { next_retry_at: { $lte: now } }] }
    case "delayed":
      return { status: "queued", next_retry_at: { $gt: now } }
    default:
      return { status }
  }
}

/** Query-graph filters for the jobs list, from the validated query string. */
export function buildJobFilters(params: AdminGetSideEffectJobsParamsType, now = new Date()) {
  const { kind, status, order_id, created_at } = params
  return {
    ...(kind ? { kind } : {}),
    ...(order_id ? { order_id } : {}),
    ...(status ? statusFilter(status, now) : {}),
    ...(created_at?.gte || created_at?.lte
      ? {
          created_at: {
            ...(created_at.gte ? { $gte: created_at.gte } : {}),
            ...(created_at.lte ? { $lte: created_at.lte } : {}),
          },
        }
      : {}),
  }
}
