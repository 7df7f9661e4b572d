import type { OrderConfirmationView } from "./order-confirmation-view"

export function orderConfirmationText(view: OrderConfirmationView): string {
  const lines = view.lines.map((line) => `  ${line.quantity} × ${line.title}: ${line.total}`)
  const shipping = view.shippingTotal === null ? [] : [`Shipping: ${view.shippingTotal}`]
  const link = view.invoiceUrl ? [`You can also download it here: ${view.invoiceUrl}`] : []

  return [
    view.greeting,
    "",
    `thank you for your order ${view.orderNumber} at ${view.storeName}, placed on ${view.placedOn}.`,
    "",
    ...lines,
    "",
    ...shipping,
    `Total: ${view.total} (incl. ${view.taxTotal} tax)`,
    "",
    `Your invoice ${view.invoiceNumber} is attached as a PDF.`,
    ...link,
    "",
    view.storeName,
    "",
  ].join("\n")
}
