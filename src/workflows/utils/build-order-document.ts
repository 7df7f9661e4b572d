import { MedusaError } from "@medusajs/framework/utils"
import {
  ORDER_DOCUMENT_SCHEMA_VERSION,
  OrderDocument,
  OrderDocumentAddress,
  OrderDocumentAdjustment,
  OrderDocumentPaymentCollection,
  OrderDocumentTaxLine,
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

const nullableAmount = (value: unknown): number | null =>
  value === null || value === undefined ? null : toAmount(value)

const present = <T>(list: T[] | null | undefined): NonNullable<T>[] =>
  (list ?? []).filter((entry): entry is NonNullable<T> => Boolean(entry))

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
    metadata: address.metadata ?? null,
  }
}

function toTaxRate(taxLines: Loose[] | undefined): number | null {
  if (!taxLines?.length) {
    return null
  }
  return taxLines.reduce((sum, line) => sum + toAmount(line?.rate), 0)
}

function toTaxLines(taxLines: Loose[] | undefined): OrderDocumentTaxLine[] {
  return present(taxLines).map((line) => ({
    rate: toAmount(line.rate),
    code: text(line.code),
    name: text(line.description),
  }))
}

function toAdjustments(adjustments: Loose[] | undefined): OrderDocumentAdjustment[] {
  return present(adjustments).map((adjustment) => ({
    amount: toAmount(adjustment.amount),
    code: text(adjustment.code),
    promotion_id: text(adjustment.promotion_id),
    description: text(adjustment.description),
    is_tax_inclusive: adjustment.is_tax_inclusive === true,
  }))
}

function toPaymentCollections(collections: Loose[] | undefined): OrderDocumentPaymentCollection[] {
  return present(collections).map((collection) => ({
    id: collection.id,
    status: text(collection.status) ?? "not_paid",
    amount: toAmount(collection.amount),
    authorized_amount: nullableAmount(collection.authorized_amount),
    captured_amount: nullableAmount(collection.captured_amount),
    refunded_amount: nullableAmount(collection.refunded_amount),
  }))
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
    items: present<Record<string, any>>(order.items).map((item) => ({
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
      is_tax_inclusive: item.is_tax_inclusive === true,
      tax_lines: toTaxLines(item.tax_lines),
      adjustments: toAdjustments(item.adjustments),
      discount_subtotal: toAmount(item.discount_subtotal),
      discount_tax_total: toAmount(item.discount_tax_total),
    })),
    shipping_methods: present<Record<string, any>>(order.shipping_methods).map((method) => ({
      id: method.id,
      name: text(method.name) ?? "Shipping",
      subtotal: toAmount(method.subtotal),
      tax_total: toAmount(method.tax_total),
      total: toAmount(method.total),
      tax_rate: toTaxRate(method.tax_lines),
      amount: toAmount(method.amount),
      is_tax_inclusive: method.is_tax_inclusive === true,
      tax_lines: toTaxLines(method.tax_lines),
      adjustments: toAdjustments(method.adjustments),
      discount_total: toAmount(method.discount_total),
      discount_subtotal: toAmount(method.discount_subtotal),
      discount_tax_total: toAmount(method.discount_tax_total),
    })),
    totals: {
      item_subtotal: toAmount(order.item_subtotal),
      shipping_total: toAmount(order.shipping_total),
      discount_total: toAmount(order.discount_total),
      tax_total: toAmount(order.tax_total),
      total: toAmount(order.total),
    },
    metadata: order.metadata ?? null,
    payment_collections: toPaymentCollections(order.payment_collections),
  }
}
