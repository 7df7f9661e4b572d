import { fillTemplate, type MailTexts } from "../../i18n"
import type { OrderDocument } from "../../types/order-document"

/** "Hello Ada," with the customer's (else the billing address's) first name; "Hello," without one. */
export function greetingFor(order: Pick<OrderDocument, "customer" | "billing_address">, texts: MailTexts): string {
  const firstName = order.customer?.first_name?.trim() || order.billing_address?.first_name?.trim()
  return firstName ? fillTemplate(texts.greeting, { name: firstName }) : texts.greetingWithoutName
}
