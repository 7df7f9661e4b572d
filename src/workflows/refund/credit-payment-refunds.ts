import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueSideEffectFlowsStep } from "../side-effects/steps"
import { loadPaymentRefundsStep, recordCreditRequestsStep } from "./steps"

export interface CreditPaymentRefundsInput {
  payment_id: string
  event_id?: string | null
}

export const creditPaymentRefundsWorkflowId = "credit-payment-refunds"

/**
 * `payment.refunded` → each refund of the payment not recorded yet becomes a credit request whose
 * job issues its credit note (with PDF, mail and ERP document) once the order's invoice exists, or
 * records that a cancellation's or return's credit note already takes it back. The credit note is
 * issued by that job, not here, so a refund that exceeds the invoice is a failed job with the
 * reason, in the failed set. A repeated event records and enqueues nothing.
 */
export const creditPaymentRefundsWorkflow = createWorkflow(
  creditPaymentRefundsWorkflowId,
  (input: CreditPaymentRefundsInput) => {
    const eventId = transform({ input }, ({ input }) => input.event_id ?? null)
    const requests = loadPaymentRefundsStep({ payment_id: input.payment_id })
    const recorded = recordCreditRequestsStep({ requests, event_id: eventId })
    when({ recorded }, ({ recorded }) => recorded.subjects.length > 0).then(() => {
      const orderId = transform({ recorded }, ({ recorded }) => recorded.order_id!)
      enqueueSideEffectFlowsStep({ order_id: orderId, event_id: eventId, subjects: recorded.subjects })
    })
    return new WorkflowResponse({ payment_id: input.payment_id, recorded })
  }
)
