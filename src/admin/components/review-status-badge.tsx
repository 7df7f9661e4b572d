import { StatusBadge } from "@medusajs/ui"
import { REVIEW_STATUS_COLOR, REVIEW_STATUS_LABEL } from "../lib/risk-review"
import type { RiskReviewStatus } from "../../api/admin/async-fulfilment/contract"

export const ReviewStatusBadge = ({ status }: { status: RiskReviewStatus }) => (
  <StatusBadge color={REVIEW_STATUS_COLOR[status]} data-status={status}>
    {REVIEW_STATUS_LABEL[status] ?? status}
  </StatusBadge>
)
