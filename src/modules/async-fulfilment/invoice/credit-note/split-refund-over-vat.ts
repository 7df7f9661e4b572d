import type { InvoiceVatBreakdown } from "../model/invoice-model"
import { apportion } from "../model/apportion"
import { roundHalfAwayFromZero, toMinorUnits } from "../model/minor-units"

/** One VAT breakdown's share of a refund, in whole minor units. */
export interface RefundShare {
  breakdown: InvoiceVatBreakdown
  net: number
  vat: number
}

/**
 * The net amount whose VAT at `rate` makes up `gross` exactly, VAT being net × rate rounded
 * (BR-CO-17 then holds to the cent); when no whole net does, the nearest one.
 */
function netOfGross(gross: number, rate: number): number {
  const estimate = roundHalfAwayFromZero((gross * 100) / (100 + rate))
  for (const net of [estimate, estimate - 1, estimate + 1]) {
    if (net + roundHalfAwayFromZero((net * rate) / 100) === gross) {
      return net
    }
  }
  return estimate
}

/**
 * Splits a refund (gross, whole minor units) over the invoice's VAT breakdowns in proportion to
 * their gross amounts, so the credit note takes back each rate's share: the parts add up to the
 * refund, and each part's VAT is its net at its rate.
 */
export function splitRefundOverVat(refundGross: number, breakdown: InvoiceVatBreakdown[], digits: number): RefundShare[] {
  const grossOf = (entry: InvoiceVatBreakdown) => toMinorUnits(entry.taxableAmount + entry.vatAmount, digits)
  const parts = apportion(refundGross, breakdown.map(grossOf))
  return breakdown
    .map((entry, index) => {
      const net = netOfGross(parts[index], entry.rate)
      return { breakdown: entry, net, vat: parts[index] - net }
    })
    .filter((share) => share.net !== 0 || share.vat !== 0)
}
