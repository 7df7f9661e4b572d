import type { InvoiceLine, InvoiceLineAllowance } from "./invoice-model"
import type { InvoiceModelTexts } from "./invoice-model-texts"
import type { InvoiceLineDraft } from "./draft-invoice-lines"
import { apportion } from "./apportion"
import { fromMinorUnits, roundHalfAwayFromZero } from "./minor-units"

const DISCOUNT_REASON_CODE = "95"

/**
 * BG-27: the line's discount (net before discounts − net charged, rounded once), one allowance
 * per promotion, split by the promotions' own net amounts; one unnamed allowance when the order
 * document holds no adjustments (documents stored before they were recorded).
 */
function lineAllowances(draft: InvoiceLineDraft, discount: number, digits: number, texts: InvoiceModelTexts) {
  if (discount <= 0) {
    return []
  }
  const promotions = draft.promotions.length ? draft.promotions : [{ code: null, weight: 1 }]
  const parts = apportion(discount, promotions.map((promotion) => promotion.weight))
  return promotions.flatMap((promotion, index): InvoiceLineAllowance[] =>
    parts[index] > 0
      ? [
          {
            amount: fromMinorUnits(parts[index], digits),
            reason: promotion.code ? `${texts.discountReason} (${promotion.code})` : texts.discountReason,
            reasonCode: DISCOUNT_REASON_CODE,
          },
        ]
      : []
  )
}

/**
 * The line as invoiced, from its rounded net and VAT. The net unit price (BT-146) is derived
 * from them: (net + allowances) ÷ quantity to 4 decimals, so that quantity × price − allowances
 * gives the line's net amount (BT-131) on every line, also for tax-inclusive prices.
 */
export function finishInvoiceLine(
  draft: InvoiceLineDraft,
  amounts: { net: number; vat: number },
  index: number,
  digits: number,
  texts: InvoiceModelTexts
): InvoiceLine {
  const discount = Math.max(0, roundHalfAwayFromZero(draft.subtotal - draft.net))
  const allowances = lineAllowances(draft, discount, digits, texts)
  // the allowances add up to the discount
  const unitPriceMinor = draft.quantity > 0 ? (amounts.net + discount) / draft.quantity : 0
  return {
    id: String(index + 1),
    kind: draft.kind,
    name: draft.name,
    description: draft.description,
    sellerItemId: draft.sellerItemId,
    quantity: draft.quantity,
    unitCode: draft.unitCode,
    netUnitPrice: roundHalfAwayFromZero(Number((unitPriceMinor * 10 ** (4 - digits)).toPrecision(15))) / 10 ** 4,
    allowances,
    netAmount: fromMinorUnits(amounts.net, digits),
    vatCategory: draft.vatClass.category,
    vatRate: draft.vatClass.rate,
    vatAmount: fromMinorUnits(amounts.vat, digits),
    grossAmount: fromMinorUnits(amounts.net + amounts.vat, digits),
  }
}
