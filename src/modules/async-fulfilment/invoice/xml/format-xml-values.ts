/**
 * Numbers and dates as EN 16931 syntaxes write them: a dot as decimal separator, no grouping,
 * no exponent. The values come from the invoice model, already rounded; these only format.
 */

function fixed(value: number, decimals: number): string {
  const scaled = Math.round(Number((Math.abs(value) * 10 ** decimals).toPrecision(15)))
  const digits = String(scaled).padStart(decimals + 1, "0")
  const whole = decimals ? digits.slice(0, -decimals) : digits
  const fraction = decimals ? `.${digits.slice(-decimals)}` : ""
  return `${value < 0 && scaled !== 0 ? "-" : ""}${whole}${fraction}`
}

const trimZeros = (text: string, keep: number) => {
  const [whole, fraction = ""] = text.split(".")
  const trimmed = fraction.replace(/0+$/, "").padEnd(keep, "0")
  return trimmed ? `${whole}.${trimmed}` : whole
}

/** An amount: always 2 decimals ("12.30"), as BR-DEC allows at most 2. */
export const xmlAmount = (value: number): string => fixed(value, 2)

/** A unit price: 2 to 4 decimals ("33.33", "33.3267"). */
export const xmlPrice = (value: number): string => trimZeros(fixed(value, 4), 2)

/** A quantity or a percentage: as few decimals as it needs, at most 4 ("3", "5.5"). */
export const xmlDecimal = (value: number): string => trimZeros(fixed(value, 4), 0)

/** "2026-11-20" → "20261120" (UNTDID 2379 format 102, as CII writes dates). */
export const ciiDate = (isoDate: string): string => isoDate.replace(/-/g, "")
