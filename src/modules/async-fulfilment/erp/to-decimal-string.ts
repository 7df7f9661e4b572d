import { minorUnitDigits } from "../i18n/format/format-money"
import { formatDecimal } from "../i18n/format/format-number"

/** Amounts are decimal strings in the currency's main unit with its minor-unit digits, so the ERP never sees float noise. */
export type DecimalString = string

/**
 * An amount in the currency's main unit as a fixed-point string ("12.50", JPY "1200").
 *
 * Intl rounds from the shortest decimal form of the double, so 1.005 becomes "1.01"
 * where `toFixed` would give "1.00".
 */
export function toDecimalString(amount: number, currencyCode: string): string {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`Cannot express a non-finite amount (${amount}) as a decimal string`)
  }
  const digits = minorUnitDigits(currencyCode)
  const formatted = formatDecimal(amount, "en-US", digits, digits, false)
  // -0.001 rounds to "-0.00"; an ERP should not have to know about negative zero.
  return /^-0(\.0+)?$/.test(formatted) ? formatted.slice(1) : formatted
}
