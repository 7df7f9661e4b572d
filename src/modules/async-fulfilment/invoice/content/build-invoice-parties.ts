import type { OrderDocument, SellerDetails } from "../../types/order-document"
import { formatAddressLines } from "./format-address"
import { cleanText, joinPresent } from "./format-text"
import type { InvoiceLabels } from "./invoice-labels"

export function buildSellerLines(seller: SellerDetails, labels: InvoiceLabels): string[] {
  const addressLines = cleanText(seller.address)
    .split(/\r?\n/)
    .map((line) => line.trim())
  const vatId = cleanText(seller.vatId)
  return [cleanText(seller.name), ...addressLines, vatId ? `${labels.vatId}: ${vatId}` : ""].filter(Boolean)
}

/**
 * The billing address, or the shipping address when the order has no (or only a blank)
 * billing address, or the customer's name when it has neither; then the order e-mail.
 */
export function buildBuyerLines(order: OrderDocument): string[] {
  let lines = formatAddressLines(order.billing_address)
  if (lines.length === 0) {
    lines = formatAddressLines(order.shipping_address)
  }
  if (lines.length === 0 && order.customer) {
    lines = [
      joinPresent([order.customer.first_name, order.customer.last_name]),
      cleanText(order.customer.company_name),
    ].filter(Boolean)
  }
  const email = cleanText(order.email)
  return email ? [...lines, email] : lines
}

/** The shipping address when the buyer block shows a different (billing) address; otherwise []. */
export function buildShipToLines(order: OrderDocument): string[] {
  const billing = formatAddressLines(order.billing_address)
  const shipping = formatAddressLines(order.shipping_address)
  if (billing.length === 0 || shipping.length === 0) {
    return []
  }
  const same = billing.length === shipping.length && billing.every((line, index) => line === shipping[index])
  return same ? [] : shipping
}
