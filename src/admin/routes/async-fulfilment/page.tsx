import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueueList } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { JobDetailDrawer } from "../../components/job-detail-drawer"
import { JobFilters, type JobFilterValues } from "../../components/job-filters"
import { JobsTable } from "../../components/jobs-table"
import { RetryAllButton } from "../../components/retry-all-button"
import { StatsCounters } from "../../components/stats-counters"
import { useDebouncedValue, useSideEffectJobs } from "../../hooks"

const PAGE_SIZE = 20

/** Settings → Background jobs: queue counters, the failed jobs, retry and discard. */
const BackgroundJobsPage = () => {
  const [filters, setFilters] = useState<JobFilterValues>({ status: "failed", order_id: "" })
  const [pageIndex, setPageIndex] = useState(0)
  const [openJobId, setOpenJobId] = useState<string | null>(null)
  const orderId = useDebouncedValue(filters.order_id.trim())
  const { data, isError, error } = useSideEffectJobs({
    kind: filters.kind,
    status: filters.status,
    order_id: orderId || undefined,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    order: "-created_at",
  })

  const changeFilters = (next: JobFilterValues) => {
    setFilters(next)
    setPageIndex(0)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <StatsCounters />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <Heading level="h1">Background jobs</Heading>
          <RetryAllButton filters={filters} count={data?.count ?? 0} />
        </div>
        <div className="px-6 py-4">
          <JobFilters value={filters} onChange={changeFilters} />
        </div>
        {isError && <Text size="small" className="px-6 py-4 text-ui-fg-error">{error.message}</Text>}
        <JobsTable
          jobs={data?.jobs ?? []}
          count={data?.count ?? 0}
          pageSize={PAGE_SIZE}
          pageIndex={pageIndex}
          onPageChange={setPageIndex}
          onOpen={(job) => setOpenJobId(job.id)}
        />
      </Container>
      <JobDetailDrawer jobId={openJobId} onClose={() => setOpenJobId(null)} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Background jobs", icon: QueueList })

export default BackgroundJobsPage
