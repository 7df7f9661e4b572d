import { TableFooter } from "./table-footer"
import { Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatAmount, formatDateTime, orderLabel } from "../lib/format"
import { reasonLabel } from "../lib/risk-review"
import type { AdminRiskReview } from "../../api/admin/async-fulfilment/contract"
import { ReviewDecisionButtons } from "./review-decision-buttons"
import { ReviewStatusBadge } from "./review-status-badge"

type Props = {
  reviews: AdminRiskReview[]
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}

/** A page of risk reviews; pending ones carry Approve and Reject. */
export const ReviewsTable = ({ reviews, count, pageSize, pageIndex, onPageChange }: Props) => {
  return (
    <div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Company</Table.HeaderCell>
            <Table.HeaderCell>Reasons</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {reviews.map((review) => (
            <Table.Row key={review.id} data-testid={`review-row-${review.id}`}>
              <Table.Cell>
                <Link to={`/orders/${review.order_id}`} className="text-ui-fg-interactive hover:underline">
                  {orderLabel(review)}
                </Link>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatAmount(review.amount, review.currency_code)}</Table.Cell>
              <Table.Cell>{review.customer_name ?? "–"}</Table.Cell>
              <Table.Cell>{review.company_name ?? "–"}</Table.Cell>
              <Table.Cell className="max-w-[280px] whitespace-normal py-2">
                {review.reasons.map((reason) => <div key={reason}>{reasonLabel(reason)}</div>)}
              </Table.Cell>
              <Table.Cell title={review.note ?? undefined}><ReviewStatusBadge status={review.status} /></Table.Cell>
              <Table.Cell>{formatDateTime(review.created_at)}</Table.Cell>
              <Table.Cell>{review.status === "pending" && <ReviewDecisionButtons review={review} />}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableFooter
        count={count}
        pageSize={pageSize}
        pageIndex={pageIndex}
        onPageChange={onPageChange}
        emptyText={reviews.length === 0 ? "No reviews match this filter." : null}
      />
    </div>
  )
}
