import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"
import { SYSTEM_ACTOR } from "../../modules/async-fulfilment/audit/audit-actions"
import { recordAuditEntriesStep } from "../audit/steps"
import { DecideRiskReviewStepInput, recordRiskDecisionStep, resumeRiskReviewStep } from "./steps"

export type DecideRiskReviewInput = DecideRiskReviewStepInput & {
  /** for the audit entry; `decided_by` stays the review's own record */
  actor?: AuditActor | null
}

export const decideRiskReviewWorkflowId = "decide-risk-review"

/**
 * An admin approves or rejects a pending review; the review workflow then does the rest. The
 * resume comes last: once the review workflow took the decision nothing can fail after it, so
 * a decision that ran is never compensated. The event is staged before and released on success.
 */
export const decideRiskReviewWorkflow = createWorkflow(decideRiskReviewWorkflowId, (input: DecideRiskReviewInput) => {
  const review = recordRiskDecisionStep(
    transform({ input }, ({ input: { actor: _actor, ...decision } }) => decision)
  )
  // before the resume: a decision the review workflow refuses takes its entry back with it
  recordAuditEntriesStep(
    transform({ input, review }, ({ input, review }) => [
      {
        order_id: review.order_id,
        action: input.decision === "approved" ? ("review_approve" as const) : ("review_reject" as const),
        ...(input.actor ?? SYSTEM_ACTOR),
        note: input.note ?? null,
        details: { review_id: review.id },
      },
    ])
  )
  emitEventStep({
    eventName: transform({ input }, ({ input }) => `async-fulfilment.review.${input.decision}`),
    data: transform({ review }, ({ review }) => ({ id: review.id, order_id: review.order_id })),
  })
  resumeRiskReviewStep(input)
  return new WorkflowResponse(review)
})
