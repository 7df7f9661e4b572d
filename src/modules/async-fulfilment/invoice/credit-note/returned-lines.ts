import type { InvoiceLine, InvoiceModel, InvoiceVatBreakdown } from "../model/invoice-model"
import { fromMinorUnits, roundHalfAwayFromZero, toMinorUnits } from "../model/minor-units"

/** A quantity of one invoice line (BT-126 id) taken back. */
export interface ReturnedLine {
  lineId: string
  quantity: number
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000

/**
 * The invoice line's share for `quantity` of its units: its net, VAT and discount in proportion,
 * at its own unit price, so quantity × price − discount = net still holds (a whole line as it was).
 */
function shareOf(line: InvoiceLine, quantity: number, digits: number): InvoiceLine {
  if (quantity === line.quantity) {
    return line
  }
  const minor = (amount: number) => toMinorUnits(amount, digits)
  const part = (amount: number) => roundHalfAwayFromZero((minor(amount) * quantity) / line.quantity)
  const net = part(line.netAmount)
  const vat = part(line.vatAmount)
  const discount = roundHalfAwayFromZero(minor(quantity * line.netUnitPrice) - net)
  const allowances =
    line.allowances.length && discount > 0
      ? [{ ...line.allowances[0], amount: fromMinorUnits(discount, digits) }]
      : []
  return {
    ...line,
    quantity,
    // no discount to carry the rounding: the price is the net per unit, to its 4 decimals
    netUnitPrice: allowances.length ? line.netUnitPrice : round4(fromMinorUnits(net, digits) / quantity),
    allowances,
    netAmount: fromMinorUnits(net, digits),
    vatAmount: fromMinorUnits(vat, digits),
    grossAmount: fromMinorUnits(net + vat, digits),
  }
}

/**
 * The lines of a return's credit note: each returned quantity of an invoice line at that line's
 * unit price and VAT, numbered 1, 2, … in the invoice's order; the VAT breakdown is the sum of
 * those lines per rate (the invoice's own entries, with their exemption reasons).
 */
export function returnedLines(
  invoice: InvoiceModel,
  returned: ReturnedLine[],
  digits: number,
  fail: (problem: string) => Error
): { lines: InvoiceLine[]; breakdown: InvoiceVatBreakdown[] } {
  const wanted = new Map<string, number>()
  for (const { lineId, quantity } of returned) {
    if (!(quantity > 0) || !Number.isInteger(quantity)) throw fail(`returned quantity ${quantity} of line ${lineId} is not a positive whole number`)
    wanted.set(lineId, (wanted.get(lineId) ?? 0) + quantity)
  }
  const lines: InvoiceLine[] = []
  for (const line of invoice.lines) {
    const quantity = wanted.get(line.id)
    if (quantity === undefined) continue
    if (quantity > line.quantity) throw fail(`${quantity} of line ${line.id} returned, the invoice has ${line.quantity}`)
    lines.push({ ...shareOf(line, quantity, digits), id: String(lines.length + 1) })
    wanted.delete(line.id)
  }
  if (wanted.size) throw fail(`the invoice has no line ${[...wanted.keys()].join(", ")}`)
  if (!lines.length) throw fail("nothing was returned")

  const breakdown = invoice.vatBreakdown
    .map((entry) => {
      const members = lines.filter((line) => line.vatCategory === entry.category && line.vatRate === entry.rate)
      const sum = (pick: (line: InvoiceLine) => number) => members.reduce((total, line) => total + toMinorUnits(pick(line), digits), 0)
      return { entry, members, net: sum((line) => line.netAmount), vat: sum((line) => line.vatAmount) }
    })
    .filter(({ members }) => members.length)
    .map(({ entry, net, vat }) => ({ ...entry, taxableAmount: fromMinorUnits(net, digits), vatAmount: fromMinorUnits(vat, digits) }))
  return { lines, breakdown }
}
