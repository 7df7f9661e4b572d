import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { eraseCustomerPersonalDataStep } from "./steps"

export interface EraseCustomerPersonalDataInput {
  customer_id: string
}

export const eraseCustomerPersonalDataWorkflowId = "erase-customer-personal-data"

/**
 * A customer's right to erasure, for what this plugin holds: their order snapshots, side-effect
 * jobs and reviews lose the personal fields; invoice numbers, amounts and the issued invoices stay.
 */
export const eraseCustomerPersonalDataWorkflow = createWorkflow(
  eraseCustomerPersonalDataWorkflowId,
  (input: EraseCustomerPersonalDataInput) => {
    const orderIds = eraseCustomerPersonalDataStep({ customer_id: input.customer_id })
    return new WorkflowResponse({ order_ids: orderIds })
  }
)
