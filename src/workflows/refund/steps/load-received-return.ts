import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCreditRequest } from "../../../modules/async-fulfilment/db/credit-requests"

export const loadReceivedReturnStepId = "load-received-return"

/**
 * The source of a return's credit note: one per receipt of a Medusa return. A return may be
 * received in several goes, each emitting order.return_received with the cumulative quantities;
 * the units received so far tell the receipts apart and make a repeated event the same key.
 */
export const returnSourceKey = (returnId: string, unitsReceived: number) => `return:${returnId}:${unitsReceived}`

export const unitsOf = (lines: { quantity: number }[]) => lines.reduce((sum, line) => sum + line.quantity, 0)

type Quantity = number | string | { toString(): string } | null | undefined
const count = (quantity: Quantity) => Number(quantity?.toString() ?? 0)

export interface ReceivedReturn {
  id: string
  order_id: string
  items?: { item_id: string; received_quantity: Quantity; damaged_quantity: Quantity }[]
}

/** The query fields receivedLinesOf reads. */
export const RECEIVED_RETURN_FIELDS = ["id", "order_id", "items.item_id", "items.received_quantity", "items.damaged_quantity"]

/** The units of each item received back so far (damaged ones too). */
export const receivedLinesOf = (found: ReceivedReturn) =>
  (found.items ?? [])
    .map((item) => ({ item_id: item.item_id, quantity: count(item.received_quantity) + count(item.damaged_quantity) }))
    .filter((line) => line.quantity > 0)

/**
 * The return's received items so far (damaged ones included: they came back too) as a credit
 * request of the order; none when nothing was received.
 */
export const loadReceivedReturnStep = createStep(
  loadReceivedReturnStepId,
  async ({ return_id }: { return_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: RECEIVED_RETURN_FIELDS,
      filters: { id: return_id },
    })
    const found = data[0] as ReceivedReturn | undefined
    const lines = found ? receivedLinesOf(found) : []
    if (!found || !lines.length) {
      return new StepResponse<NewCreditRequest[]>([])
    }
    return new StepResponse<NewCreditRequest[]>([
      {
        order_id: found.order_id,
        source_key: returnSourceKey(found.id, unitsOf(lines)),
        reason: "return",
        details: { return_id: found.id, lines },
        order_canceled: false,
      },
    ])
  }
)
