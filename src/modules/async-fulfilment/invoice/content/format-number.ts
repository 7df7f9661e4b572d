import { formatDecimal } from "../../i18n/format/format-number"

export { formatQuantity } from "../../i18n/format/format-number"

const NO_TAX_RATE = "—"

/** 23 → "23%", 8.5 → "8.5%" (locale-formatted); null (untaxed line) → "—". 0 stays "0%": zero-rated is not untaxed. */
export function formatTaxRate(rate: number | null | undefined, locale: string): string {
  if (typeof rate !== "number" || !Number.isFinite(rate)) {
    return NO_TAX_RATE
  }
  return `${formatDecimal(rate, locale, 0, 2)}%`
}
