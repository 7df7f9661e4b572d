import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { randomOrder } from "../../__tests__/__fixtures__/random-orders"
import { invoiceAmountDigits } from "../minor-units"

const CARTS = 400

/** An amount in whole minor units, failing when it is not one. */
function minor(amount: number, digits: number): number {
  const scaled = amount * 10 ** digits
  expect(Math.abs(scaled - Math.round(scaled))).toBeLessThan(1e-6)
  return Math.round(scaled)
}

describe("invoice model rounding, over random carts totalled by Medusa", () => {
  it.each(Array.from({ length: CARTS }, (_, index) => index + 1))("cart seed %i: every EN 16931 sum holds", (seed) => {
    const { document } = randomOrder(seed)
    const model = modelOf(document)
    const digits = invoiceAmountDigits(model.currencyCode)
    const m = (amount: number) => minor(amount, digits)
    const { totals } = model

    // the totals
    expect(m(totals.grossTotal)).toBe(Math.round(Number((document.totals.total * 10 ** digits).toPrecision(15))))
    expect(m(totals.netTotal) + m(totals.vatTotal)).toBe(m(totals.grossTotal))
    expect(m(totals.lineNetTotal)).toBe(m(totals.netTotal))
    expect(model.lines.reduce((sum, line) => sum + m(line.netAmount), 0)).toBe(m(totals.lineNetTotal))
    expect(m(totals.paidAmount) + m(totals.amountDue)).toBe(m(totals.grossTotal))

    // the VAT breakdown: sums of its lines, and the totals
    expect(model.vatBreakdown.reduce((sum, entry) => sum + m(entry.taxableAmount), 0)).toBe(m(totals.netTotal))
    expect(model.vatBreakdown.reduce((sum, entry) => sum + m(entry.vatAmount), 0)).toBe(m(totals.vatTotal))
    for (const entry of model.vatBreakdown) {
      const members = model.lines.filter((line) => line.vatCategory === entry.category && (entry.category !== "S" || line.vatRate === entry.rate))
      expect(members.reduce((sum, line) => sum + m(line.netAmount), 0)).toBe(m(entry.taxableAmount))
      expect(members.reduce((sum, line) => sum + m(line.vatAmount), 0)).toBe(m(entry.vatAmount))
      // BR-CO-17 allows a whole unit; the model stays within two minor units of base × rate
      expect(Math.abs(m(entry.vatAmount) - Math.round((m(entry.taxableAmount) * entry.rate) / 100))).toBeLessThanOrEqual(2)
    }

    // each line: Medusa's own amounts rounded down or up, and its own arithmetic
    for (const line of model.lines) {
      const source =
        line.kind === "item"
          ? document.items[Number(line.id) - 1]
          : document.shipping_methods.find((method) => method.name === line.name)!
      expect(Math.abs(m(line.netAmount) - (source.total - source.tax_total) * 10 ** digits)).toBeLessThan(1 + 1e-6)
      expect(Math.abs(m(line.vatAmount) - source.tax_total * 10 ** digits)).toBeLessThan(1 + 1e-6)
      expect(m(line.grossAmount)).toBe(m(line.netAmount) + m(line.vatAmount))
      const allowances = line.allowances.reduce((sum, allowance) => sum + allowance.amount, 0)
      expect(Math.abs(line.quantity * line.netUnitPrice - allowances - line.netAmount)).toBeLessThanOrEqual(line.quantity * 0.00005 + 1e-6)
    }
  })
})
