import { minorUnitDigits } from "../../i18n/format/format-money"

/**
 * Decimals of an invoice amount in this currency: the currency's minor units, at most 2
 * (EN 16931 allows no more on amounts): EUR and PLN 2, JPY 0, KWD 2.
 */
export function invoiceAmountDigits(currencyCode: string): number {
  return Math.min(minorUnitDigits(currencyCode), 2)
}

/**
 * An amount in the currency's main unit as (unrounded) minor units: 12.345 EUR → 1234.5.
 * toPrecision(15) drops the binary noise of the multiplication (0.29 × 100 is 28.999999999999996).
 */
export function toMinorUnits(amount: number, digits: number): number {
  return Number((amount * 10 ** digits).toPrecision(15))
}

/** Rounds half away from zero to a whole number; never returns -0. */
export function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value))
  return rounded === 0 ? 0 : rounded
}

/** Whole minor units back to the main unit: 1234 → 12.34. */
export function fromMinorUnits(minor: number, digits: number): number {
  return minor / 10 ** digits
}
