import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { TraceCarrier } from "../../modules/async-fulfilment/tracing"
import { selectOrdersForReviewStep } from "../risk/steps"
import { buildOrderDocument } from "../utils/build-order-document"
import { ORDER_DOCUMENT_FIELDS } from "../utils/order-document-fields"
import { enqueueOrderBatchSideEffectsStep, recordOrderBatchSideEffectsStep } from "./steps"

export interface PlacedOrderToSchedule {
  order_id: string
  event_id: string | null
  /** the order's schedule span, which its queue jobs continue */
  trace?: TraceCarrier
}

export interface ScheduleOrderBatchSideEffectsInput {
  orders: PlacedOrderToSchedule[]
}

export const scheduleOrderBatchSideEffectsWorkflowId = "schedule-order-batch-side-effects"

/**
 * A batch of `order.placed` → their documents and rows in Postgres → their jobs in BullMQ, with
 * one query of the orders, one transaction and one Redis round trip. What this path does not
 * decide is handed back as `unhandled`, for the one-order workflow: an order it could not load,
 * and one that waits for a risk review. As there, a canceled order records nothing and running
 * it again records and enqueues nothing new.
 */
export const scheduleOrderBatchSideEffectsWorkflow = createWorkflow(
  scheduleOrderBatchSideEffectsWorkflowId,
  (input: ScheduleOrderBatchSideEffectsInput) => {
    const orderIds = transform({ input }, ({ input }) => input.orders.map(({ order_id }) => order_id))
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_DOCUMENT_FIELDS, "status"],
      filters: { id: orderIds },
    })
    const documents = transform({ orders }, ({ orders }) =>
      orders.filter((order) => order.status !== "canceled").map((order) => buildOrderDocument(order))
    )
    const reviewedIds = selectOrdersForReviewStep(documents)

    const recordInputs = transform({ input, documents, reviewedIds }, ({ input, documents, reviewedIds }) => {
      const eventIds = new Map(input.orders.map(({ order_id, event_id }) => [order_id, event_id]))
      return documents
        .filter(({ order_id }) => !reviewedIds.includes(order_id))
        .map((document) => ({ document, event_id: eventIds.get(document.order_id) ?? null }))
    })
    const recorded = recordOrderBatchSideEffectsStep(recordInputs)

    const flows = transform({ input, recorded }, ({ input, recorded }) => {
      const placed = new Map(input.orders.map((order) => [order.order_id, order]))
      return recorded.map(({ order_id, created_kinds }) => ({
        order_id,
        event_id: placed.get(order_id)?.event_id ?? null,
        kinds: created_kinds,
        trace: placed.get(order_id)?.trace,
      }))
    })
    enqueueOrderBatchSideEffectsStep(flows)

    const outcome = transform({ input, orders, recorded }, ({ input, orders, recorded }) => {
      const handled = new Set([
        ...recorded.map(({ order_id }) => order_id),
        ...orders.filter((order) => order.status === "canceled").map((order) => order.id),
      ])
      return {
        recorded: recorded.map(({ order_id, created_kinds }) => ({ order_id, recorded_kinds: created_kinds })),
        unhandled_order_ids: input.orders.map(({ order_id }) => order_id).filter((id) => !handled.has(id)),
      }
    })
    return new WorkflowResponse(outcome)
  }
)
