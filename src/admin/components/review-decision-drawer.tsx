import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useReviewDecision } from "../hooks"
import { formatAmount, orderLabel } from "../lib/format"
import { isConflict } from "../lib/risk-review"
import type { AdminRiskReview, RiskReviewDecision } from "../../api/admin/async-fulfilment/contract"

type Props = { review: AdminRiskReview; decision: RiskReviewDecision | null; onClose: () => void }

const COPY: Record<RiskReviewDecision, { title: string; action: string; done: string; effect: string }> = {
  approve: {
    title: "Approve order",
    action: "Approve",
    done: "approved",
    effect: "Its invoice, mail and ERP jobs are released.",
  },
  reject: {
    title: "Reject order",
    action: "Reject and cancel order",
    done: "rejected and cancelled",
    effect: "The order is cancelled; its held jobs never run.",
  },
}

/** Asks for an optional note, then approves or rejects the review; open while `decision` is set. */
export const ReviewDecisionDrawer = ({ review, decision, onClose }: Props) => {
  const [note, setNote] = useState("")
  const { mutate, isPending } = useReviewDecision()
  const copy = decision ? COPY[decision] : null
  const label = `Order ${orderLabel(review)}`

  useEffect(() => {
    if (decision) setNote("")
  }, [decision])

  const submit = () => {
    if (!decision || !copy) return
    mutate({ review, decision, note: note.trim() || undefined }, {
      onSuccess: () => {
        toast.success(`${label} ${copy.done}`)
        onClose()
      },
      onError: (error) => {
        if (isConflict(error)) {
          toast.error(`${label} was already decided`, { description: error.message })
          onClose()
        } else {
          toast.error(`Could not ${decision} ${label}`, { description: error.message })
        }
      },
    })
  }

  return (
    <Drawer open={!!decision} onOpenChange={(open) => !open && !isPending && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{copy ? `${copy.title} ${orderLabel(review)}` : "Risk review"}</Drawer.Title>
          <Drawer.Description>
            {formatAmount(review.amount, review.currency_code)}
            {review.company_name ? ` · ${review.company_name}` : ""}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {copy && <Text size="small">{copy.effect}</Text>}
          <div className="flex flex-col gap-y-2">
            <Label size="small" htmlFor={`review-note-${review.id}`}>Note (optional)</Label>
            <Textarea
              id={`review-note-${review.id}`}
              value={note}
              maxLength={2000}
              rows={4}
              placeholder="Why, for the order's history"
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" disabled={isPending} onClick={onClose}>Cancel</Button>
          <Button
            size="small"
            variant={decision === "reject" ? "danger" : "primary"}
            isLoading={isPending}
            onClick={submit}
          >
            {copy?.action ?? "Confirm"}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
