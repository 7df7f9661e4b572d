import { Text } from "@medusajs/ui"
import { formatAmount, formatDateTime } from "../lib/format"
import { reasonLabel } from "../lib/risk-review"
import type { AdminRiskReview } from "../../api/admin/async-fulfilment/contract"
import { ReviewDecisionButtons } from "./review-decision-buttons"
import { ReviewStatusBadge } from "./review-status-badge"

/** The order's risk review in the side-effects widget: status, why, the note, and the decision while pending. */
export const OrderRiskReview = ({ review }: { review: AdminRiskReview }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="risk-review">
    <div className="flex items-center justify-between gap-x-2">
      <Text size="small" weight="plus" leading="compact">Risk review</Text>
      <ReviewStatusBadge status={review.status} />
    </div>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {formatAmount(review.amount, review.currency_code)} (threshold {formatAmount(review.threshold, review.currency_code)})
      {" · "}
      {review.reasons.map(reasonLabel).join(", ")}
    </Text>
    {review.decided_at && (
      <Text size="xsmall" className="text-ui-fg-subtle">Decided {formatDateTime(review.decided_at)}</Text>
    )}
    {review.note && <Text size="xsmall" className="break-words">“{review.note}”</Text>}
    {review.status === "pending" && (
      <div className="pt-2">
        <ReviewDecisionButtons review={review} />
      </div>
    )}
  </div>
)
