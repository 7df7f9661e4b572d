import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SYSTEM_ACTOR } from "../../modules/async-fulfilment/audit/audit-actions"
import { recordAuditEntriesStep } from "../audit/steps"
import { enqueueSideEffectFlowsStep } from "../side-effects/steps"
import { orderActionFlows } from "./order-action-flows"
import type { OrderActionInput } from "./order-action-input"
import { recordOrderActionJobsStep } from "./steps"

export type ResyncOrderErpInput = OrderActionInput

export const resyncOrderErpWorkflowId = "resync-order-erp"

/**
 * An admin sends the order to the ERP again (the ERP asked): the order document and each credit
 * note's, as new ERP jobs (`resync-<n>[-<credit note id>]`) under new keys `erp-<id>-r<n>`, n
 * counting this order's resyncs, with one audit entry. 404 unknown order, 409 when held or refused in review.
 */
export const resyncOrderErpWorkflow = createWorkflow(resyncOrderErpWorkflowId, (input: ResyncOrderErpInput) => {
  useQueryGraphStep({
    entity: "order",
    fields: ["id"],
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const recorded = recordOrderActionJobsStep({ order_id: input.order_id, action: "resync_erp" })
  const entries = recordAuditEntriesStep(
    transform({ input, recorded }, ({ input, recorded }) => [
      {
        order_id: input.order_id,
        action: "resync_erp" as const,
        ...(input.actor ?? SYSTEM_ACTOR),
        note: input.note ?? null,
        details: {
          n: recorded.n,
          jobs: recorded.jobs.map((job) => ({
            id: job.id,
            subject: job.subject,
            document_id: job.document_id,
            idempotency_key: job.idempotency_key,
          })),
        },
      },
    ])
  )
  enqueueSideEffectFlowsStep(transform({ input, recorded }, orderActionFlows))
  return new WorkflowResponse(
    transform({ recorded, entries }, ({ recorded, entries }) => ({
      job_ids: recorded.jobs.map((job) => job.id),
      audit_entry_id: entries[0].id,
    }))
  )
})
