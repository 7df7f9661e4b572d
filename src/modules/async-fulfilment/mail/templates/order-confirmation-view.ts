import { translationsFor, type InvoiceLanguage, type OrderMailTexts } from "../../i18n"
import { formatInstantDate, formatMoney, formatQuantity } from "../../i18n/format"
import type { InvoiceIdentity, OrderDocument } from "../../types/order-document"
import { greetingFor } from "./greeting"

/** Everything the templates print, already formatted but not yet escaped. */
export interface OrderConfirmationView {
  language: InvoiceLanguage
  texts: OrderMailTexts
  storeName: string
  greeting: string
  orderNumber: string
  placedOn: string
  lines: { title: string; quantity: string; total: string }[]
  /** null when the order has no shipping methods */
  shippingTotal: string | null
  taxTotal: string
  total: string
  invoiceNumber: string
  /** only http(s) links survive */
  invoiceUrl: string | null
  /** the PDF is a Factur-X / ZUGFeRD e-invoice */
  eInvoice: boolean
  /** the e-invoice XML is attached as well */
  xmlAttached: boolean
}

export interface OrderConfirmationInput {
  order: OrderDocument
  invoice: InvoiceIdentity
  storeName: string
  invoiceUrl?: string | null
  /** the order's language (see resolveInvoiceLanguage); English when not given */
  language?: InvoiceLanguage
  /** BCP 47 locale of amounts and dates; the language's own (e.g. "pl-PL") when not given */
  locale?: string
  /** IANA zone for the order date; UTC keeps re-renders identical */
  timeZone?: string
  /** what the mail carries besides a plain PDF; the text says so */
  attachments?: { eInvoice?: boolean; xml?: boolean }
}

export function buildOrderConfirmationView(input: OrderConfirmationInput): OrderConfirmationView {
  const { order, invoice, storeName } = input
  const language = input.language ?? "en"
  const translations = translationsFor(language)
  const locale = input.locale ?? translations.locale
  const money = (amount: number) => formatMoney(amount, order.currency_code, locale)

  return {
    language,
    texts: translations.mail.orderConfirmation,
    storeName,
    greeting: greetingFor(order, translations.mail),
    orderNumber: `#${order.display_id}`,
    placedOn: formatInstantDate(order.placed_at, locale, { style: "long", timeZone: input.timeZone ?? "UTC" }),
    lines: order.items.map((line) => ({
      title: line.subtitle ? `${line.title} (${line.subtitle})` : line.title,
      quantity: formatQuantity(line.quantity, locale),
      total: money(line.total),
    })),
    shippingTotal: order.shipping_methods.length ? money(order.totals.shipping_total) : null,
    taxTotal: money(order.totals.tax_total),
    total: money(order.totals.total),
    invoiceNumber: invoice.number,
    invoiceUrl: httpUrlOrNull(input.invoiceUrl),
    eInvoice: input.attachments?.eInvoice === true,
    xmlAttached: input.attachments?.xml === true,
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
