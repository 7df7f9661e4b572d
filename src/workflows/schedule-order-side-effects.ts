import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { enqueueOrderSideEffectsStep, recordOrderSideEffectsStep } from "./steps"
import { buildOrderDocument } from "./utils/build-order-document"
import { ORDER_DOCUMENT_FIELDS } from "./utils/order-document-fields"

export interface ScheduleOrderSideEffectsInput {
  order_id: string
  event_id?: string | null
}

export const scheduleOrderSideEffectsWorkflowId = "schedule-order-side-effects"

/**
 * `order.placed` → the order's document and rows in Postgres → its jobs in BullMQ.
 * Running it again for the same order records and enqueues nothing new.
 */
export const scheduleOrderSideEffectsWorkflow = createWorkflow(
  scheduleOrderSideEffectsWorkflowId,
  (input: ScheduleOrderSideEffectsInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_DOCUMENT_FIELDS],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const document = transform({ orders }, ({ orders }) => buildOrderDocument(orders[0]))
    const eventId = transform({ input }, ({ input }) => input.event_id ?? null)

    const createdKinds = recordOrderSideEffectsStep({ document, event_id: eventId })
    enqueueOrderSideEffectsStep({ order_id: input.order_id, event_id: eventId, kinds: createdKinds })

    return new WorkflowResponse({ order_id: input.order_id, enqueued_kinds: createdKinds })
  }
)
