import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"
import { auditEntriesPerOrder } from "../audit/audit-entries-per-order"
import { recordAuditEntriesStep } from "../audit/steps"
import { discardSideEffectJobStep, loadDiscardableSideEffectJobStep } from "./steps"

export interface DiscardSideEffectJobInput {
  id: string
  note?: string | null
  /** for the audit entry */
  actor?: AuditActor | null
}

export const discardSideEffectJobWorkflowId = "discard-side-effect-job"

/** An admin gives up on a failed job: the row stays for audit, the failed set forgets it. */
export const discardSideEffectJobWorkflow = createWorkflow(
  discardSideEffectJobWorkflowId,
  (input: DiscardSideEffectJobInput) => {
    const row = loadDiscardableSideEffectJobStep({ id: input.id })
    recordAuditEntriesStep(transform({ row, input }, ({ row, input }) => auditEntriesPerOrder("discard", [row], input)))
    const id = discardSideEffectJobStep({ id: input.id, note: input.note ?? null })
    return new WorkflowResponse({ id })
  }
)
