import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCreditRequest } from "../../../modules/async-fulfilment/db/credit-requests"

export const loadReceivedReturnStepId = "load-received-return"

/** The source of a return's credit note: one per Medusa return. */
export const returnSourceKey = (returnId: string) => `return:${returnId}`

type Quantity = number | string | { toString(): string } | null | undefined
const count = (quantity: Quantity) => Number(quantity?.toString() ?? 0)

/**
 * The return's received items (damaged ones included: they came back too) as a credit request
 * of the order; none when nothing was received.
 */
export const loadReceivedReturnStep = createStep(
  loadReceivedReturnStepId,
  async ({ return_id }: { return_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "return",
      fields: ["id", "order_id", "items.item_id", "items.received_quantity", "items.damaged_quantity"],
      filters: { id: return_id },
    })
    const found = data[0] as
      | { id: string; order_id: string; items?: { item_id: string; received_quantity: Quantity; damaged_quantity: Quantity }[] }
      | undefined
    const lines = (found?.items ?? [])
      .map((item) => ({ item_id: item.item_id, quantity: count(item.received_quantity) + count(item.damaged_quantity) }))
      .filter((line) => line.quantity > 0)
    if (!found || !lines.length) {
      return new StepResponse<NewCreditRequest[]>([])
    }
    return new StepResponse<NewCreditRequest[]>([
      {
        order_id: found.order_id,
        source_key: returnSourceKey(found.id),
        reason: "return",
        details: { return_id: found.id, lines },
        order_canceled: false,
      },
    ])
  }
)
