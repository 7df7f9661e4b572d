import type { OrderDocument } from "../../src/modules/async-fulfilment/types/order-document"
import type { MatrixCase } from "./einvoice-matrix-cases"

/** The order as Medusa holds it, read through query with MATRIX_ORDER_FIELDS. */
export interface MatrixMedusaOrder {
  total: number
  metadata: Record<string, unknown> | null
  billing_address: { metadata: Record<string, unknown> | null } | null
  items: { variant_sku: string; tax_lines: { code: string; description: string }[]; adjustments: { code: string }[] }[]
  shipping_methods: { adjustments: { code: string }[] }[]
}

export const MATRIX_ORDER_FIELDS = [
  "total",
  "metadata",
  "billing_address.metadata",
  "items.variant_sku",
  "items.tax_lines.code",
  "items.tax_lines.description",
  "items.adjustments.code",
  "shipping_methods.adjustments.code",
]

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
/** Medusa keeps amounts unrounded (and with float noise): compare far below a cent */
const PRECISION = 6

/**
 * A line of the order document against Medusa's own arithmetic: `subtotal` is net before the
 * discount (for gross prices too), `discount_total` includes tax, `tax_total` is the tax after
 * the discount and `total` the gross after it. So the net after the discount is
 * subtotal − discount ÷ (1 + rate) and the tax is that net × rate.
 */
function expectLineArithmetic(
  what: string,
  line: { subtotal: number; discount_total: number; tax_total: number; total: number; tax_rate: number | null }
) {
  const rate = (line.tax_rate ?? 0) / 100
  const net = line.subtotal - line.discount_total / (1 + rate)
  expect({ what, tax: line.tax_total }).toEqual({ what, tax: expect.closeTo(net * rate, PRECISION) })
  expect({ what, total: line.total }).toEqual({ what, total: expect.closeTo(net + line.tax_total, PRECISION) })
}

/** What the stored order document must hold for a matrix case (works on today's pipeline). */
export function expectMatrixOrderDocument(matrixCase: MatrixCase, doc: OrderDocument, medusa: MatrixMedusaOrder) {
  const { shopper } = matrixCase
  expect(doc.currency_code).toBe(shopper.currency)
  expect(doc.totals.total).toBe(medusa.total)
  expect(doc.billing_address).toMatchObject({ company: null, address_2: null, phone: null, ...shopper.address })

  expect(Object.fromEntries(doc.items.map((item) => [item.sku, item.tax_rate]))).toEqual(matrixCase.ratesBySku)
  expect(Object.fromEntries(doc.items.map((item) => [item.sku, item.quantity]))).toEqual(
    Object.fromEntries(shopper.lines.map((line) => [line.sku, line.quantity]))
  )
  expect(doc.shipping_methods.map((method) => method.tax_rate)).toEqual([matrixCase.shippingRate])

  // the shipping method's discount is only in the order's totals: what the items' do not explain
  const itemDiscount = sum(doc.items.map((item) => item.discount_total))
  const shippingDiscount = doc.totals.discount_total - itemDiscount
  doc.items.forEach((item) => expectLineArithmetic(item.sku ?? item.title, item))
  expectLineArithmetic("shipping", { ...doc.shipping_methods[0], discount_total: shippingDiscount })

  const lines = [...doc.items, ...doc.shipping_methods]
  expect(doc.totals.total).toBeCloseTo(sum(lines.map((line) => line.total)), PRECISION)
  expect(doc.totals.tax_total).toBeCloseTo(sum(lines.map((line) => line.tax_total)), PRECISION)
  expect(doc.totals.item_subtotal).toBeCloseTo(sum(doc.items.map((item) => item.subtotal)), PRECISION)
  expect(doc.totals.shipping_total).toBeCloseTo(doc.shipping_methods[0].total, PRECISION)

  const promoCodes = [...medusa.items, ...medusa.shipping_methods].flatMap((line) => line.adjustments.map((a) => a.code))
  if (matrixCase.promotion === "items") {
    // 10 % of every line's gross amount before the discount
    doc.items.forEach((item) => expect(item.discount_total).toBeCloseTo(0.1 * (item.total + item.discount_total), PRECISION))
    expect(shippingDiscount).toBeCloseTo(0, PRECISION)
    expect(new Set(promoCodes)).toEqual(new Set(shopper.promoCodes))
  } else if (matrixCase.promotion === "shipping") {
    expect(itemDiscount).toBe(0)
    expect(doc.shipping_methods[0]).toMatchObject({ total: 0, tax_total: 0 })
    expect(shippingDiscount).toBeGreaterThan(0)
    expect(new Set(promoCodes)).toEqual(new Set(shopper.promoCodes))
  } else {
    expect(doc.totals.discount_total).toBe(0)
    expect(promoCodes).toEqual([])
  }

  if (matrixCase.exemption) {
    const exempt = doc.items.find((item) => item.sku === matrixCase.exemption!.sku)
    expect(exempt).toMatchObject({ tax_rate: 0, tax_total: 0 })
    const taxLines = medusa.items.find((item) => item.variant_sku === matrixCase.exemption!.sku)!.tax_lines
    expect(taxLines.map((taxLine) => taxLine.description)).toEqual([matrixCase.exemption.reason])
  }
  if (matrixCase.shippingRate === null) {
    expect(doc.totals.tax_total).toBe(0)
  }
  if (matrixCase.buyerVatId) {
    const where = matrixCase.buyerVatId.on === "order" ? medusa.metadata : medusa.billing_address?.metadata
    expect(where?.vat_id).toBe(matrixCase.buyerVatId.value)
  }
  for (const [key, value] of Object.entries(shopper.metadata ?? {})) {
    expect(doc.metadata?.[key]).toBe(value)
  }
}
