import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { OrderActions } from "../components/order-actions"
import { OrderAuditTrail } from "../components/order-audit-trail"
import { OrderDocuments } from "../components/order-documents"
import { OrderJobRow } from "../components/order-job-row"
import { OrderRiskReview } from "../components/order-risk-review"
import { useOrderCreditNotes, useOrderRiskReview, useOrderSideEffects } from "../hooks"
import { JOB_KINDS } from "../lib/job-status"

/**
 * Beside the order details: its risk review (when it was held for one), its invoice and credit
 * notes, the actions "Resend mail" and "Send to ERP again", its jobs and the audit trail.
 */
const OrderSideEffectsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError, error } = useOrderSideEffects(order.id)
  const { data: review } = useOrderRiskReview(order.id)
  const creditNotes = useOrderCreditNotes(order.id)
  // the order's own jobs first, then each credit note's and action's, in the order they came
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
      <OrderDocuments invoice={data?.invoice} creditNotes={creditNotes.data?.credit_notes ?? []} error={creditNotes.error} />
      <OrderActions orderId={order.id} />
      {isLoading && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <Text size="small" className="px-6 py-4 text-ui-fg-error">{error.message}</Text>}
      {data && jobs.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No background jobs for this order.</Text>
      )}
      {jobs.map((job) => (
        <OrderJobRow key={job.id} job={job} invoice={job.kind === "invoice" && !job.subject ? data?.invoice : null} />
      ))}
      <OrderAuditTrail orderId={order.id} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderSideEffectsWidget
