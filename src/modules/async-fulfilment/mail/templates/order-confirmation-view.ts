import type { InvoiceIdentity, OrderDocument } from "../../types/order-document"

/** Everything the templates print, already formatted but not yet escaped. */
export interface OrderConfirmationView {
  storeName: string
  greeting: string
  orderNumber: string
  placedOn: string
  lines: { title: string; quantity: number; total: string }[]
  /** null when the order has no shipping methods */
  shippingTotal: string | null
  taxTotal: string
  total: string
  invoiceNumber: string
  /** only http(s) links survive */
  invoiceUrl: string | null
}

export interface OrderConfirmationInput {
  order: OrderDocument
  invoice: InvoiceIdentity
  storeName: string
  invoiceUrl?: string | null
  locale?: string
  /** IANA zone for the order date; UTC keeps re-renders identical */
  timeZone?: string
}

export function buildOrderConfirmationView(input: OrderConfirmationInput): OrderConfirmationView {
  const { order, invoice, storeName } = input
  const locale = input.locale ?? "en"
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: order.currency_code.toUpperCase(),
  })
  const date = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: input.timeZone ?? "UTC",
  })
  const firstName =
    order.customer?.first_name?.trim() || order.billing_address?.first_name?.trim() || null

  return {
    storeName,
    greeting: firstName ? `Hello ${firstName},` : "Hello,",
    orderNumber: `#${order.display_id}`,
    placedOn: date.format(new Date(order.placed_at)),
    lines: order.items.map((line) => ({
      title: line.subtitle ? `${line.title} (${line.subtitle})` : line.title,
      quantity: line.quantity,
      total: money.format(line.total),
    })),
    shippingTotal: order.shipping_methods.length ? money.format(order.totals.shipping_total) : null,
    taxTotal: money.format(order.totals.tax_total),
    total: money.format(order.totals.total),
    invoiceNumber: invoice.number,
    invoiceUrl: httpUrlOrNull(input.invoiceUrl),
  }
}

/** Escaping does not stop a `javascript:` href, so anything but http(s) is dropped. */
function httpUrlOrNull(url: string | null | undefined): string | null {
  if (!url) {
    return null
  }
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null
  } catch {
    return null
  }
}
