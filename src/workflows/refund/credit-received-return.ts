import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueSideEffectFlowsStep } from "../side-effects/steps"
import { loadReceivedReturnStep, recordCreditRequestsStep } from "./steps"

export interface CreditReceivedReturnInput {
  return_id: string
  event_id?: string | null
}

export const creditReceivedReturnWorkflowId = "credit-received-return"

/**
 * `order.return_received` → a credit request for the received items; its job issues the credit
 * note of those lines (their quantity at the invoice line's price and VAT; shipping once every
 * item came back). Medusa refunds a return by a separate admin action on the payment, not tied to
 * the return: a later refund is absorbed by the return's credit note up to its amount instead of
 * being credited twice. A repeated event records nothing new.
 */
export const creditReceivedReturnWorkflow = createWorkflow(
  creditReceivedReturnWorkflowId,
  (input: CreditReceivedReturnInput) => {
    const eventId = transform({ input }, ({ input }) => input.event_id ?? null)
    const requests = loadReceivedReturnStep({ return_id: input.return_id })
    const recorded = recordCreditRequestsStep({ requests, event_id: eventId })
    when({ recorded }, ({ recorded }) => recorded.subjects.length > 0).then(() => {
      const orderId = transform({ recorded }, ({ recorded }) => recorded.order_id!)
      enqueueSideEffectFlowsStep({ order_id: orderId, event_id: eventId, subjects: recorded.subjects })
    })
    return new WorkflowResponse({ return_id: input.return_id, recorded })
  }
)
