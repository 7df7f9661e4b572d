import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { ReturnDetails } from "../db/credit-requests"
import type { InvoiceModel } from "../invoice/model"
import type { ReturnedLine } from "../invoice/credit-note/returned-lines"
import type { OrderDocument } from "../types/order-document"

/**
 * The invoice lines a return takes back. The invoice has one item line per order item, in the
 * order document's order (items are never left out), so the k-th item is the k-th item line.
 * The shipping lines go back too once the order's returns, this one included, took back every
 * unit of every item: the whole sale is undone, shipping with it.
 */
export function returnedInvoiceLines(
  invoice: InvoiceModel,
  order: OrderDocument,
  returned: ReturnDetails["lines"],
  earlierReturns: ReturnDetails[]
): ReturnedLine[] {
  const itemLines = invoice.lines.filter((line) => line.kind === "item")
  if (itemLines.length !== order.items.length) {
    throw new PermanentSideEffectError(
      `invoice ${invoice.number} has ${itemLines.length} item lines for ${order.items.length} order items: its returned lines cannot be named`
    )
  }
  const lines = returned
    .filter(({ quantity }) => quantity > 0)
    .map(({ item_id, quantity }): ReturnedLine => {
      const index = order.items.findIndex((item) => item.id === item_id)
      if (index < 0) {
        throw new PermanentSideEffectError(`the returned item ${item_id} is not on invoice ${invoice.number}`)
      }
      return { lineId: itemLines[index].id, quantity }
    })
  const returnedOf = (itemId: string) =>
    [...earlierReturns.flatMap((details) => details.lines), ...returned]
      .filter((line) => line.item_id === itemId)
      .reduce((sum, line) => sum + line.quantity, 0)
  const everything = order.items.every((item) => returnedOf(item.id) >= item.quantity)
  const shipping = everything
    ? invoice.lines.filter((line) => line.kind === "shipping").map((line) => ({ lineId: line.id, quantity: line.quantity }))
    : []
  return [...lines, ...shipping]
}
