import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"
import { SYSTEM_ACTOR } from "../../modules/async-fulfilment/audit/audit-actions"
import { recordAuditEntriesStep } from "../audit/steps"
import { eraseCustomerPersonalDataStep } from "./steps"

export interface EraseCustomerPersonalDataInput {
  customer_id: string
  /** for the audit entries (one per erased order) */
  actor?: AuditActor | null
}

export const eraseCustomerPersonalDataWorkflowId = "erase-customer-personal-data"

/**
 * A customer's right to erasure, for what this plugin holds: their order snapshots, side-effect
 * jobs, reviews and audit notes lose the personal fields; invoice numbers, amounts and the issued
 * invoices stay. Each erased order gets an audit entry after the erasure (which blanks the
 * earlier entries' notes and resend addresses, and cannot be undone).
 */
export const eraseCustomerPersonalDataWorkflow = createWorkflow(
  eraseCustomerPersonalDataWorkflowId,
  (input: EraseCustomerPersonalDataInput) => {
    const orderIds = eraseCustomerPersonalDataStep({ customer_id: input.customer_id })
    recordAuditEntriesStep(
      transform({ input, orderIds }, ({ input, orderIds }) =>
        orderIds.map((order_id) => ({
          order_id,
          action: "erase_personal_data" as const,
          ...(input.actor ?? SYSTEM_ACTOR),
          note: null,
          details: { customer_id: input.customer_id },
        }))
      )
    )
    return new WorkflowResponse({ order_ids: orderIds })
  }
)
