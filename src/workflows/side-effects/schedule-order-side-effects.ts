import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { requestRiskReviewWorkflow } from "../risk/request-risk-review"
import { assessRiskReviewStep } from "../risk/steps"
import { buildOrderDocument } from "../utils/build-order-document"
import { ORDER_DOCUMENT_FIELDS } from "../utils/order-document-fields"
import { scheduleOrderSideEffectsWorkflowId } from "./schedule-order-side-effects-id"
import { enqueueOrderSideEffectsStep, recordOrderSideEffectsStep } from "./steps"

export interface ScheduleOrderSideEffectsInput {
  order_id: string
  event_id?: string | null
}

/**
 * `order.placed` → the order's document and rows in Postgres → its jobs in BullMQ. A B2B order
 * over its currency's threshold is held instead: its rows wait as `held` and a risk review starts.
 * Running it again for the same order records and enqueues nothing new; for a canceled order it
 * records nothing at all.
 */
export const scheduleOrderSideEffectsWorkflow = createWorkflow(
  scheduleOrderSideEffectsWorkflowId,
  (input: ScheduleOrderSideEffectsInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_DOCUMENT_FIELDS, "status"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const document = transform({ orders }, ({ orders }) => buildOrderDocument(orders[0]))
    // an order.placed handled after the order was canceled (late, retried, or overtaken) records nothing
    const canceled = transform({ orders }, ({ orders }) => orders[0].status === "canceled")
    const eventId = transform({ input }, ({ input }) => input.event_id ?? null)
    const assessment = assessRiskReviewStep(document)

    const recordInput = transform({ document, eventId, assessment, canceled }, ({ document, eventId, assessment, canceled }) => ({
      document,
      event_id: eventId,
      held_kinds: assessment.held_kinds,
      canceled,
    }))
    const createdKinds = recordOrderSideEffectsStep(recordInput)

    // what is not held runs now: everything for most orders, what `riskReview.hold` spares for reviewed ones
    const kindsToRun = transform({ createdKinds, assessment }, ({ createdKinds, assessment }) =>
      createdKinds.filter((kind) => !assessment.held_kinds.includes(kind))
    )
    enqueueOrderSideEffectsStep({ order_id: input.order_id, event_id: eventId, kinds: kindsToRun })
    when({ assessment, canceled }, ({ assessment, canceled }) => assessment.review && !canceled).then(() => {
      requestRiskReviewWorkflow.runAsStep({ input: { order_id: input.order_id, document, assessment } })
    })

    const review = transform({ assessment, canceled }, ({ assessment, canceled }) => assessment.review && !canceled)
    return new WorkflowResponse({ order_id: input.order_id, recorded_kinds: createdKinds, review })
  }
)
