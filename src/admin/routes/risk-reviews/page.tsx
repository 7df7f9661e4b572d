import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ReviewStatusFilter } from "../../components/review-status-filter"
import { ReviewsTable } from "../../components/reviews-table"
import { useRiskReviews } from "../../hooks"
import type { RiskReviewStatus } from "../../../api/admin/async-fulfilment/contract"

const PAGE_SIZE = 20

/** Risk review: B2B orders over their currency's threshold, held until approved or rejected. */
const RiskReviewsPage = () => {
  const [status, setStatus] = useState<RiskReviewStatus | undefined>("pending")
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isError, error } = useRiskReviews({
    status,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    order: "-created_at",
  })

  const changeStatus = (next?: RiskReviewStatus) => {
    setStatus(next)
    setPageIndex(0)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Risk review</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            B2B orders over their currency's threshold wait here; approving releases their invoice, mail and ERP
            jobs, rejecting cancels the order.
          </Text>
        </div>
        <ReviewStatusFilter value={status} onChange={changeStatus} />
      </div>
      {isError && <Text size="small" className="px-6 py-4 text-ui-fg-error">{error.message}</Text>}
      <ReviewsTable
        reviews={data?.reviews ?? []}
        count={data?.count ?? 0}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        onPageChange={setPageIndex}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Risk review", icon: ShieldCheck })

export default RiskReviewsPage
