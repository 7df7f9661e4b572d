import { apportion } from "./apportion"
import { roundHalfAwayFromZero } from "./minor-units"

/** One invoice line as Medusa computed it, in unrounded minor units. */
export interface UnroundedLineAmounts {
  /** what Medusa charged net of tax, after discounts: total − tax_total */
  net: number
  /** Medusa's tax_total */
  vat: number
  /** the VAT breakdown (BG-23) the line belongs to, e.g. "S:23" */
  category: string
}

export interface ReconciledAmounts {
  /** per line, in the order given: whole minor units */
  lines: { net: number; vat: number }[]
  /** per VAT breakdown, in order of first appearance: the sums of its lines */
  categories: Map<string, { net: number; vat: number }>
  netTotal: number
  vatTotal: number
  grossTotal: number
}

/**
 * Rounds Medusa's unrounded amounts (it keeps sub-cent tax and, for tax-inclusive prices, sub-cent
 * nets) to whole minor units so that every EN 16931 sum holds exactly. The rule:
 *
 * 1. gross total (BT-112) = the order's total, rounded half away from zero;
 * 2. VAT total (BT-110) = the sum of the lines' unrounded VAT, rounded once;
 * 3. net total (BT-109 = BT-106) = gross − VAT: the one cent that rounding the gross and the VAT
 *    separately may leave goes to the net;
 * 4. the VAT total is split over the VAT breakdowns by their unrounded VAT, and each breakdown's
 *    VAT over its lines by theirs; the net total likewise over the breakdowns and their lines by
 *    unrounded net. Each split (apportion.ts) rounds every part and moves the parts that came
 *    closest to rounding the other way by one until the sum is met: every line stays its own
 *    amount rounded down or up, and a cent goes where rounding had nearly put it anyway.
 *
 * So Σ line net = BT-106, each breakdown's base and VAT are the sums of its lines (BR-S-08,
 * BR-CO-14), net + VAT = gross (BR-CO-15) = round(order total), every line's net and VAT are
 * Medusa's rounded down or up (one minor unit at most), and a breakdown's VAT stays within a few
 * cents of base × rate (BR-CO-17 tolerates one whole unit).
 */
export function reconcileInvoiceAmounts(lines: UnroundedLineAmounts[], orderTotal: number): ReconciledAmounts {
  const grossTotal = roundHalfAwayFromZero(orderTotal)
  const vatTotal = roundHalfAwayFromZero(lines.reduce((sum, line) => sum + line.vat, 0))
  const netTotal = grossTotal - vatTotal

  const keys = [...new Set(lines.map((line) => line.category))]
  const members = keys.map((key) => lines.flatMap((line, index) => (line.category === key ? [index] : [])))
  const unroundedSum = (indexes: number[], field: "net" | "vat") =>
    indexes.reduce((sum, index) => sum + lines[index][field], 0)

  const categoryVat = apportion(vatTotal, members.map((indexes) => unroundedSum(indexes, "vat")))
  const categoryNet = apportion(netTotal, members.map((indexes) => unroundedSum(indexes, "net")))

  const result: ReconciledAmounts = {
    lines: lines.map(() => ({ net: 0, vat: 0 })),
    categories: new Map(),
    netTotal,
    vatTotal,
    grossTotal,
  }
  members.forEach((indexes, k) => {
    const vats = apportion(categoryVat[k], indexes.map((index) => lines[index].vat))
    const nets = apportion(categoryNet[k], indexes.map((index) => lines[index].net))
    indexes.forEach((lineIndex, i) => (result.lines[lineIndex] = { net: nets[i], vat: vats[i] }))
    result.categories.set(keys[k], { net: categoryNet[k], vat: categoryVat[k] })
  })
  return result
}
