import { MedusaError } from "@medusajs/framework/utils"
import {
  ORDER_DOCUMENT_SCHEMA_VERSION,
  OrderDocument,
  OrderDocumentAddress,
} from "../../modules/async-fulfilment/types/order-document"

type Loose = Record<string, any> | null | undefined

/** Query returns amounts as numbers, numeric strings or BigNumber-like objects. */
export function toAmount(value: unknown): number {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "object") {
    const raw = value as { numeric?: unknown; value?: unknown }
    return toAmount(raw.numeric ?? raw.value)
  }
  const amount = Number(value)
  return Number.isFinite(amount) ? amount : 0
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null

function toAddress(address: Loose): OrderDocumentAddress | null {
  if (!address) {
    return null
  }
  return {
    first_name: text(address.first_name),
    last_name: text(address.last_name),
    company: text(address.company),
    address_1: text(address.address_1),
    address_2: text(address.address_2),
    city: text(address.city),
    postal_code: text(address.postal_code),
    province: text(address.province),
    country_code: text(address.country_code),
    phone: text(address.phone),
  }
}

function toTaxRate(taxLines: Loose[] | undefined): number | null {
  if (!taxLines?.length) {
    return null
  }
  return taxLines.reduce((sum, line) => sum + toAmount(line?.rate), 0)
}

/** Reshapes an order read through the query graph into the document every side effect uses. */
export function buildOrderDocument(order: Loose): OrderDocument {
  if (!order?.id || !order.currency_code) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Order ${order?.id ?? "(no id)"} cannot be documented: it has no id or currency`
    )
  }
  return {
    schema_version: ORDER_DOCUMENT_SCHEMA_VERSION,
    order_id: order.id,
    display_id: Number(order.display_id ?? 0),
    placed_at: new Date(order.created_at ?? Date.now()).toISOString(),
    currency_code: String(order.currency_code).toLowerCase(),
    email: text(order.email),
    customer: order.customer
      ? {
          id: order.customer.id,
          first_name: text(order.customer.first_name),
          last_name: text(order.customer.last_name),
          company_name: text(order.customer.company_name),
          group_ids: (order.customer.groups ?? []).map((group: { id: string }) => group.id),
          metadata: order.customer.metadata ?? null,
        }
      : null,
    billing_address: toAddress(order.billing_address),
    shipping_address: toAddress(order.shipping_address),
    items: (order.items ?? []).filter(Boolean).map((item: Record<string, any>) => ({
      id: item.id,
      title: text(item.title) ?? "Item",
      subtitle: text(item.subtitle),
      sku: text(item.variant_sku),
      quantity: toAmount(item.quantity),
      unit_price: toAmount(item.unit_price),
      subtotal: toAmount(item.subtotal),
      discount_total: toAmount(item.discount_total),
      tax_total: toAmount(item.tax_total),
      total: toAmount(item.total),
      tax_rate: toTaxRate(item.tax_lines),
    })),
    shipping_methods: (order.shipping_methods ?? []).filter(Boolean).map((method: Record<string, any>) => ({
      id: method.id,
      name: text(method.name) ?? "Shipping",
      subtotal: toAmount(method.subtotal),
      tax_total: toAmount(method.tax_total),
      total: toAmount(method.total),
      tax_rate: toTaxRate(method.tax_lines),
    })),
    totals: {
      item_subtotal: toAmount(order.item_subtotal),
      shipping_total: toAmount(order.shipping_total),
      discount_total: toAmount(order.discount_total),
      tax_total: toAmount(order.tax_total),
      total: toAmount(order.total),
    },
    metadata: order.metadata ?? null,
  }
}
