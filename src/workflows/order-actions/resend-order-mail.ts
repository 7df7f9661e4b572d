import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SYSTEM_ACTOR } from "../../modules/async-fulfilment/audit/audit-actions"
import { recordAuditEntriesStep } from "../audit/steps"
import { enqueueSideEffectFlowsStep } from "../side-effects/steps"
import { orderActionFlows } from "./order-action-flows"
import type { OrderActionInput } from "./order-action-input"
import { recordOrderActionJobsStep } from "./steps"

export interface ResendOrderMailInput extends OrderActionInput {
  /** the recipient; the order's own address when absent. Personal data: kept in the audit entry only */
  to?: string | null
}

export const resendOrderMailWorkflowId = "resend-order-mail"

/**
 * An admin resends the invoice mail (same invoice, same stored PDF), to the order's address or
 * the one given: a new mail job (`resend-<n>`) with its own row, retries and failed set, and its
 * audit entry, which holds the address the processor sends to. 404 unknown order, 409 no invoice.
 */
export const resendOrderMailWorkflow = createWorkflow(resendOrderMailWorkflowId, (input: ResendOrderMailInput) => {
  useQueryGraphStep({
    entity: "order",
    fields: ["id"],
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const recorded = recordOrderActionJobsStep({ order_id: input.order_id, action: "resend_mail" })
  const entries = recordAuditEntriesStep(
    transform({ input, recorded }, ({ input, recorded }) => [
      {
        order_id: input.order_id,
        action: "resend_mail" as const,
        ...(input.actor ?? SYSTEM_ACTOR),
        note: input.note ?? null,
        details: { subject: recorded.jobs[0].subject, job_id: recorded.jobs[0].id, to: input.to ?? null },
      },
    ])
  )
  enqueueSideEffectFlowsStep(transform({ input, recorded }, orderActionFlows))
  return new WorkflowResponse(
    transform({ recorded, entries }, ({ recorded, entries }) => ({ job_id: recorded.jobs[0].id, audit_entry_id: entries[0].id }))
  )
})
