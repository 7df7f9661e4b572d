import type { OrderDocument, OrderDocumentAdjustment, OrderDocumentTaxLine } from "../../types/order-document"
import type { InvoiceLine } from "./invoice-model"
import type { InvoiceModelTexts } from "./invoice-model-texts"
import type { VatClassification } from "./classify-vat"
import { cleanVatRate } from "./classify-vat"
import { roundHalfAwayFromZero, toMinorUnits } from "./minor-units"

/** What a line says about the goods, before any amount. */
type LineIdentity = Pick<InvoiceLine, "kind" | "name" | "description" | "sellerItemId" | "quantity" | "unitCode">

/** An invoice line before rounding: Medusa's amounts in unrounded minor units, and its VAT category. */
export interface InvoiceLineDraft extends LineIdentity {
  /** total − tax_total: the net Medusa charged after discounts */
  net: number
  /** tax_total */
  vat: number
  /** net before discounts */
  subtotal: number
  vatClass: VatClassification
  /** the VAT breakdown it belongs to: "S:23", "AE", "E", "G" */
  categoryKey: string
  /** each promotion's net share, by which the line's rounded discount is split */
  promotions: { code: string | null; weight: number }[]
}

type Classify = (rate: number, taxRateNames: string[]) => VatClassification

interface Source extends LineIdentity {
  subtotal: number
  total: number
  taxTotal: number
  taxRate: number | null
  taxLines: OrderDocumentTaxLine[] | undefined
  adjustments: OrderDocumentAdjustment[] | undefined
}

function draftLine(source: Source, digits: number, classify: Classify): InvoiceLineDraft {
  const minor = (amount: number) => toMinorUnits(amount, digits)
  const rawRate = source.taxRate ?? (source.taxLines ?? []).reduce((sum, line) => sum + line.rate, 0)
  const vatClass = classify(cleanVatRate(rawRate), (source.taxLines ?? []).map((line) => line.name ?? ""))
  const { kind, name, description, sellerItemId, quantity, unitCode } = source
  return {
    kind,
    name,
    description,
    sellerItemId,
    quantity,
    unitCode,
    net: minor(source.total - source.taxTotal),
    vat: minor(source.taxTotal),
    subtotal: minor(source.subtotal),
    vatClass,
    categoryKey: vatClass.category === "S" ? `S:${vatClass.rate}` : vatClass.category,
    // Medusa's own rule: a tax-inclusive adjustment's net is amount ÷ (1 + rate)
    promotions: (source.adjustments ?? []).map((adjustment) => ({
      code: adjustment.code,
      weight: minor(adjustment.is_tax_inclusive ? adjustment.amount / (1 + rawRate / 100) : adjustment.amount),
    })),
  }
}

const roundsToZero = (draft: InvoiceLineDraft) =>
  [draft.net, draft.vat, draft.subtotal].every((amount) => roundHalfAwayFromZero(amount) === 0)

/**
 * One line per item, then one per shipping method. A shipping method that costs nothing
 * before discounts (free shipping) gets no line: it would add a zero line, and an untaxed one
 * a VAT-exempt breakdown, to the invoice. Shipping made free by a promotion keeps its line
 * and shows the discount.
 */
export function draftInvoiceLines(
  order: OrderDocument,
  digits: number,
  texts: InvoiceModelTexts,
  classify: Classify
): InvoiceLineDraft[] {
  const items = order.items.map((item) =>
    draftLine(
      {
        kind: "item",
        name: item.title,
        description: item.subtitle,
        sellerItemId: item.sku,
        quantity: item.quantity,
        unitCode: "H87",
        subtotal: item.subtotal,
        total: item.total,
        taxTotal: item.tax_total,
        taxRate: item.tax_rate,
        taxLines: item.tax_lines,
        adjustments: item.adjustments,
      },
      digits,
      classify
    )
  )
  const shipping = (order.shipping_methods ?? []).map((method) =>
    draftLine(
      {
        kind: "shipping",
        name: method.name?.trim() || texts.shippingLineName,
        description: null,
        sellerItemId: null,
        quantity: 1,
        unitCode: "E48",
        subtotal: method.subtotal,
        total: method.total,
        taxTotal: method.tax_total,
        taxRate: method.tax_rate,
        taxLines: method.tax_lines,
        adjustments: method.adjustments,
      },
      digits,
      classify
    )
  )
  return [...items, ...shipping.filter((draft) => !roundsToZero(draft))]
}
