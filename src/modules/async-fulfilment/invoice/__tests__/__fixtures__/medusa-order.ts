import { decorateCartTotals } from "@medusajs/framework/utils"
import { buildOrderDocument } from "../../../../../workflows/utils/build-order-document"
import type { OrderDocument, OrderDocumentAddress } from "../../../types/order-document"

export interface TaxSpec {
  rate: number
  code?: string
  name?: string
}

export interface AdjustmentSpec {
  amount: number
  code: string
  is_tax_inclusive?: boolean
}

export interface ItemSpec {
  title: string
  subtitle?: string
  sku?: string
  unit_price: number
  quantity: number
  tax?: TaxSpec[]
  taxInclusive?: boolean
  adjustments?: AdjustmentSpec[]
}

export interface ShippingSpec {
  name: string
  amount: number
  tax?: TaxSpec[]
  taxInclusive?: boolean
  adjustments?: Omit<AdjustmentSpec, "is_tax_inclusive">[]
}

export interface OrderSpec {
  currency: string
  items: ItemSpec[]
  shipping?: ShippingSpec[]
  billing: Partial<OrderDocumentAddress> & { country_code: string }
  shippingAddress?: Partial<OrderDocumentAddress> & { country_code: string }
  email?: string
  customer?: { first_name?: string; last_name?: string; company_name?: string; metadata?: Record<string, unknown> }
  metadata?: Record<string, unknown>
  /** the payment collection's status; default "authorized" (what a completed checkout leaves) */
  payment?: "authorized" | "completed" | "not_paid" | "awaiting" | "partially_authorized"
  placedAt?: string
  displayId?: number
}

const taxLines = (taxes: TaxSpec[] | undefined) =>
  (taxes ?? []).map((tax) => ({ rate: tax.rate, code: tax.code ?? `vat-${tax.rate}`, description: tax.name ?? `VAT ${tax.rate}%` }))

/**
 * An order document as the plugin would store it for an order of this shape: Medusa's own totals
 * code (decorateCartTotals, as the order module runs it) computes every amount, unrounded, and
 * the plugin's buildOrderDocument reshapes it.
 */
export function medusaOrderDocument(spec: OrderSpec): OrderDocument {
  const cart: Record<string, any> = {
    currency_code: spec.currency,
    items: spec.items.map((item, index) => ({
      id: `ordli_${index + 1}`,
      title: item.title,
      subtitle: item.subtitle ?? null,
      variant_sku: item.sku ?? null,
      unit_price: item.unit_price,
      quantity: item.quantity,
      is_tax_inclusive: item.taxInclusive ?? false,
      tax_lines: taxLines(item.tax),
      adjustments: (item.adjustments ?? []).map((adjustment, a) => ({
        id: `ordliadj_${index + 1}_${a + 1}`,
        promotion_id: `promo_${adjustment.code}`,
        ...adjustment,
        is_tax_inclusive: adjustment.is_tax_inclusive ?? false,
      })),
    })),
    shipping_methods: (spec.shipping ?? []).map((method, index) => ({
      id: `ordsm_${index + 1}`,
      name: method.name,
      amount: method.amount,
      is_tax_inclusive: method.taxInclusive ?? false,
      tax_lines: taxLines(method.tax),
      adjustments: (method.adjustments ?? []).map((adjustment) => ({ promotion_id: `promo_${adjustment.code}`, ...adjustment })),
    })),
  }
  decorateCartTotals(cart)
  const totals = JSON.parse(JSON.stringify(cart))
  const address = (fields: Partial<OrderDocumentAddress>) => ({
    first_name: null, last_name: null, company: null, address_1: null, address_2: null, city: null,
    postal_code: null, province: null, phone: null, metadata: null, ...fields,
  })
  return buildOrderDocument({
    id: `order_${spec.displayId ?? 1001}`,
    display_id: spec.displayId ?? 1001,
    email: spec.email ?? "buyer@example.com",
    currency_code: spec.currency,
    created_at: spec.placedAt ?? "2026-11-20T10:15:00.000Z",
    metadata: spec.metadata ?? null,
    customer: spec.customer ? { id: "cus_1", metadata: null, groups: [], ...spec.customer } : null,
    billing_address: address(spec.billing),
    shipping_address: spec.shippingAddress ? address(spec.shippingAddress) : address(spec.billing),
    items: totals.items,
    shipping_methods: totals.shipping_methods,
    payment_collections: [
      {
        id: "pay_col_1",
        status: spec.payment ?? "authorized",
        amount: totals.total,
        authorized_amount: ["authorized", "completed"].includes(spec.payment ?? "authorized") ? totals.total : 0,
        captured_amount: spec.payment === "completed" ? totals.total : 0,
        refunded_amount: 0,
      },
    ],
    item_subtotal: totals.item_subtotal,
    shipping_total: totals.shipping_total,
    discount_total: totals.discount_total,
    tax_total: totals.tax_total,
    total: totals.total,
  })
}
