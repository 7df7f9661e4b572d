import { orderConfirmationHtml } from "./templates/order-confirmation.html"
import { orderConfirmationText } from "./templates/order-confirmation.text"
import {
  buildOrderConfirmationView,
  type OrderConfirmationInput,
} from "./templates/order-confirmation-view"

export type { OrderConfirmationInput } from "./templates/order-confirmation-view"

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** Pure: the same order and invoice always give the same mail. */
export function renderOrderConfirmationMail(input: OrderConfirmationInput): RenderedMail {
  const view = buildOrderConfirmationView(input)
  return {
    subject: `Your order ${view.orderNumber} — invoice ${view.invoiceNumber}`,
    text: orderConfirmationText(view),
    html: orderConfirmationHtml(view),
  }
}
