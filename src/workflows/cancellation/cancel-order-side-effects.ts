import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueSideEffectFlowsStep } from "../side-effects/steps"
import { issueCancellationCreditNoteStep, recordOrderCanceledNoticeStep, settleCanceledOrderStep } from "./steps"

export interface CancelOrderSideEffectsInput {
  order_id: string
  event_id?: string | null
}

export const cancelOrderSideEffectsWorkflowId = "cancel-order-side-effects"

/**
 * `order.canceled` → invoiced: a credit note for the whole invoice, its PDF, mail and ERP
 * document on the pipeline; not invoiced: the order's pending invoice, mail and ERP jobs are
 * discarded and no invoice is ever issued (a risk-review rejection cancels the order, so it
 * lands here too, with its held jobs); the customer gets a cancellation mail (after a rejection
 * the review's notice is that mail) and an ERP that received the order gets `order_canceled`.
 * A repeated event issues and enqueues nothing new.
 */
export const cancelOrderSideEffectsWorkflow = createWorkflow(
  cancelOrderSideEffectsWorkflowId,
  (input: CancelOrderSideEffectsInput) => {
    const eventId = transform({ input }, ({ input }) => input.event_id ?? null)
    const settled = settleCanceledOrderStep({ order_id: input.order_id })
    const creditNote = when({ settled }, ({ settled }) => settled.invoiced).then(() => {
      const issued = issueCancellationCreditNoteStep({ order_id: input.order_id, event_id: eventId })
      const subjects = transform({ issued }, ({ issued }) =>
        issued.credit_note_id ? [{ subject: issued.credit_note_id, kinds: issued.created_kinds }] : []
      )
      enqueueSideEffectFlowsStep({ order_id: input.order_id, event_id: eventId, subjects })
      return issued
    })
    when({ settled }, ({ settled }) => !settled.invoiced).then(() => {
      const erpReceived = transform({ settled }, ({ settled }) => settled.erp_received)
      const notice = recordOrderCanceledNoticeStep({ order_id: input.order_id, event_id: eventId, erp_received: erpReceived })
      const subjects = transform({ notice }, ({ notice }) => [notice])
      enqueueSideEffectFlowsStep({ order_id: input.order_id, event_id: eventId, subjects }).config({
        name: "enqueue-order-canceled-notice",
      })
    })
    return new WorkflowResponse({ order_id: input.order_id, settled, credit_note: creditNote })
  }
)
