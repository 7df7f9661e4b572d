import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { OrderJobRow } from "../components/order-job-row"
import { OrderRiskReview } from "../components/order-risk-review"
import { useOrderRiskReview, useOrderSideEffects } from "../hooks"
import { JOB_KINDS } from "../lib/job-status"

/** The order's risk review (when it was held for one) and its invoice, mail and ERP jobs, beside the order details. */
const OrderSideEffectsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError, error } = useOrderSideEffects(order.id)
  const { data: review } = useOrderRiskReview(order.id)
  // the order's own jobs first, then each credit note's
  const subjects = [...new Set(["", ...(data?.jobs.map((job) => job.subject) ?? [])])]
  const jobs = subjects.flatMap((subject) =>
    JOB_KINDS.flatMap((kind) => data?.jobs.filter((job) => job.kind === kind && job.subject === subject) ?? [])
  )

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Background jobs</Heading>
      </div>
      {review && <OrderRiskReview review={review} />}
      {isLoading && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <Text size="small" className="px-6 py-4 text-ui-fg-error">{error.message}</Text>}
      {data && jobs.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No background jobs for this order.</Text>
      )}
      {jobs.map((job) => (
        <OrderJobRow key={job.id} job={job} invoice={job.kind === "invoice" && !job.subject ? data?.invoice : null} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderSideEffectsWidget
