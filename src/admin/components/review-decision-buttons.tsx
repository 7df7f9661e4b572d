import { Button } from "@medusajs/ui"
import { useState, type MouseEvent } from "react"
import type { AdminRiskReview, RiskReviewDecision } from "../../api/admin/async-fulfilment/contract"
import { ReviewDecisionDrawer } from "./review-decision-drawer"

/** Approve and Reject of a pending review; each asks for a note first. */
export const ReviewDecisionButtons = ({ review }: { review: AdminRiskReview }) => {
  const [decision, setDecision] = useState<RiskReviewDecision | null>(null)

  const open = (next: RiskReviewDecision) => (event: MouseEvent) => {
    event.stopPropagation() // inside a table row
    setDecision(next)
  }

  return (
    <div className="flex items-center justify-end gap-x-2">
      <Button size="small" variant="secondary" onClick={open("reject")}>Reject</Button>
      <Button size="small" variant="primary" onClick={open("approve")}>Approve</Button>
      <ReviewDecisionDrawer review={review} decision={decision} onClose={() => setDecision(null)} />
    </div>
  )
}
