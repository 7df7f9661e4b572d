import type { OrderDocument, OrderDocumentLine, OrderDocumentShippingMethod } from "../../types/order-document"
import { formatMoney } from "./format-money"
import { formatQuantity, formatTaxRate } from "./format-number"
import { joinPresent } from "./format-text"
import type { InvoiceTableRow } from "./invoice-content"

function itemRow(item: OrderDocumentLine, currencyCode: string, locale: string): InvoiceTableRow {
  return {
    kind: "item",
    description: joinPresent([item.title, item.subtitle], " – "),
    quantity: formatQuantity(item.quantity, locale),
    unitPrice: formatMoney(item.unit_price, currencyCode, locale),
    taxRate: formatTaxRate(item.tax_rate, locale),
    taxAmount: formatMoney(item.tax_total, currencyCode, locale),
    total: formatMoney(item.total, currencyCode, locale),
  }
}

function shippingRow(method: OrderDocumentShippingMethod, currencyCode: string, locale: string): InvoiceTableRow {
  return {
    kind: "shipping",
    description: joinPresent([method.name]),
    quantity: formatQuantity(1, locale),
    unitPrice: formatMoney(method.subtotal, currencyCode, locale),
    taxRate: formatTaxRate(method.tax_rate ?? null, locale),
    taxAmount: formatMoney(method.tax_total, currencyCode, locale),
    total: formatMoney(method.total, currencyCode, locale),
  }
}

/** One row per item, then one per shipping method. */
export function buildInvoiceRows(order: OrderDocument, locale: string): InvoiceTableRow[] {
  return [
    ...order.items.map((item) => itemRow(item, order.currency_code, locale)),
    ...(order.shipping_methods ?? []).map((method) => shippingRow(method, order.currency_code, locale)),
  ]
}
