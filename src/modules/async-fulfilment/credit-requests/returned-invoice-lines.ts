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
  /** every unit the order's returns took back so far, this one included */
  allReturned: ReturnDetails["lines"]
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
  const returnedOf = (itemId: string) => allReturned.filter((line) => line.item_id === itemId).reduce((sum, line) => sum + line.quantity, 0)
  const everything = order.items.every((item) => returnedOf(item.id) >= item.quantity)
  const shipping = everything
    ? invoice.lines.filter((line) => line.kind === "shipping").map((line) => ({ lineId: line.id, quantity: line.quantity }))
    : []
  return [...lines, ...shipping]
}

/**
 * What this receipt of a return adds: Medusa's received quantities are cumulative per return (a
 * return received in two goes emits order.return_received twice), so the quantities an earlier
 * credit note of the same return took back are subtracted. Also every unit all the order's
 * returns took back, this receipt included (for the shipping rule above).
 */
export function newlyReturned(
  current: ReturnDetails,
  earlier: ReturnDetails[]
): { lines: ReturnDetails["lines"]; allReturned: ReturnDetails["lines"] } {
  const latest = new Map<string, ReturnDetails["lines"]>()
  for (const details of earlier) latest.set(details.return_id, details.lines)
  const before = latest.get(current.return_id) ?? []
  const lines = current.lines
    .map(({ item_id, quantity }) => ({
      item_id,
      quantity: quantity - before.filter((line) => line.item_id === item_id).reduce((sum, line) => sum + line.quantity, 0),
    }))
    .filter((line) => line.quantity > 0)
  latest.set(current.return_id, current.lines)
  return { lines, allReturned: [...latest.values()].flat() }
}
