import type { InvoiceIdentity, OrderDocument, SellerDetails } from "../../types/order-document"
import { cleanText } from "./format-text"

const CURRENCY_CODE = /^[a-z]{3}$/i

/** Rejects input that cannot make a valid invoice, naming the invoice and order in the message. */
export function assertInvoiceInput(
  order: OrderDocument,
  invoice: InvoiceIdentity,
  seller: SellerDetails,
  locale: string
): void {
  const invoiceNumber = cleanText(invoice?.number)
  if (!invoiceNumber) {
    throw new Error(`Cannot build an invoice for order ${order?.order_id}: the invoice number is empty`)
  }
  const context = `Cannot build invoice ${invoiceNumber} for order ${order?.order_id}`
  if (!order || !Array.isArray(order.items) || order.items.length === 0) {
    throw new Error(`${context}: the order has no items`)
  }
  if (typeof order.currency_code !== "string" || !CURRENCY_CODE.test(order.currency_code.trim())) {
    throw new Error(
      `${context}: currency code ${JSON.stringify(order.currency_code)} is not a 3-letter ISO 4217 code`
    )
  }
  if (!cleanText(seller?.name)) {
    throw new Error(`${context}: the seller name is empty`)
  }
  try {
    new Intl.NumberFormat(locale)
  } catch {
    throw new Error(`${context}: locale ${JSON.stringify(locale)} is not a valid BCP 47 language tag`)
  }
}
