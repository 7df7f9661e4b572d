import type { InvoiceVatBreakdown, VatCategoryCode } from "./invoice-model"
import type { InvoiceLineDraft } from "./draft-invoice-lines"
import type { ReconciledAmounts } from "./reconcile-invoice-amounts"
import { fromMinorUnits } from "./minor-units"

const CATEGORY_ORDER: VatCategoryCode[] = ["S", "Z", "E", "AE", "G"]

/**
 * BG-23: one entry per standard rate and one per other category (EN 16931 wants exactly one E,
 * AE or G breakdown), each the sum of its lines; the standard rates first, highest first.
 */
export function buildVatBreakdown(
  drafts: InvoiceLineDraft[],
  amounts: ReconciledAmounts,
  digits: number
): InvoiceVatBreakdown[] {
  const entries = [...amounts.categories.entries()].map(([key, sums]): InvoiceVatBreakdown => {
    const members = drafts.filter((draft) => draft.categoryKey === key)
    const { category, rate, reasonCode } = members[0].vatClass
    const reasons = [...new Set(members.map((draft) => draft.vatClass.reason).filter((reason): reason is string => Boolean(reason)))]
    return {
      category,
      rate,
      taxableAmount: fromMinorUnits(sums.net, digits),
      vatAmount: fromMinorUnits(sums.vat, digits),
      exemptionReason: category === "S" ? null : reasons.join("; ") || null,
      exemptionReasonCode: category === "S" ? null : reasonCode,
    }
  })
  return entries.sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || b.rate - a.rate
  )
}
