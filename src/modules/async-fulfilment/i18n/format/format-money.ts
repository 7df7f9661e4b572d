import { formatDecimal } from "./format-number"

const CURRENCY_CODE = /^[a-z]{3}$/i
const UNIT_PRICE_DECIMALS = 4

const formatterCache = new Map<string, Intl.NumberFormat>()
const minorUnitDigitsCache = new Map<string, number>()

/** Upper-cases a 3-letter ISO 4217 code ("eur" → "EUR"); throws on anything else. */
export function normalizeCurrencyCode(currencyCode: string): string {
  if (typeof currencyCode !== "string" || !CURRENCY_CODE.test(currencyCode.trim())) {
    throw new RangeError(
      `Invalid currency code ${JSON.stringify(currencyCode)}: expected a 3-letter ISO 4217 code such as "eur"`
    )
  }
  return currencyCode.trim().toUpperCase()
}

// Intl.NumberFormat construction dominates formatting time, and an invoice formats dozens of amounts.
function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`
  let formatter = formatterCache.get(key)
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: "currency", currency })
    } catch (error) {
      throw new Error(`Cannot format ${currency} amounts for locale ${JSON.stringify(locale)}: ${(error as Error).message}`)
    }
    formatterCache.set(key, formatter)
  }
  return formatter
}

/** Number of minor-unit digits of the currency: 2 for EUR and PLN, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currencyCode: string): number {
  const currency = normalizeCurrencyCode(currencyCode)
  let digits = minorUnitDigitsCache.get(currency)
  if (digits === undefined) {
    digits = currencyFormatter(currency, "en").resolvedOptions().maximumFractionDigits ?? 2
    minorUnitDigitsCache.set(currency, digits)
  }
  return digits
}

function assertFiniteAmount(amount: number, currencyCode: string): void {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new Error(`Cannot format ${String(amount)} as ${currencyCode}: the amount is not a finite number`)
  }
}

/** Rounds half away from zero to the currency's minor units (1.005 EUR → 1.01); never returns -0. */
export function roundToMinorUnits(amount: number, currencyCode: string): number {
  assertFiniteAmount(amount, currencyCode)
  const factor = 10 ** minorUnitDigits(currencyCode)
  // toPrecision(15) drops the binary noise of the multiplication: 1.005 * 100 is 100.49999999999999.
  const shifted = Math.round(Number((Math.abs(amount) * factor).toPrecision(15)))
  const rounded = shifted / factor
  return amount < 0 && rounded !== 0 ? -rounded : rounded
}

/** formatMoney(1234.5, "eur") → "€1,234.50"; formatMoney(1234.5, "pln", "pl") → "1234,50 zł" (no-break spaces). */
export function formatMoney(amount: number, currencyCode: string, locale = "en"): string {
  const currency = normalizeCurrencyCode(currencyCode)
  return currencyFormatter(currency, locale).format(roundToMinorUnits(amount, currency))
}

/** An amount without its currency, with the currency's decimals: 1234.5 PLN → "1 234,50" (pl). */
export function formatAmount(amount: number, currencyCode: string, locale = "en"): string {
  const digits = minorUnitDigits(currencyCode)
  return formatDecimal(roundToMinorUnits(amount, currencyCode), locale, digits, digits)
}

/** A net unit price: at least the currency's decimals, up to 4 (EN 16931 prices may carry 4). */
export function formatUnitPrice(amount: number, currencyCode: string, locale = "en"): string {
  assertFiniteAmount(amount, currencyCode)
  const digits = minorUnitDigits(currencyCode)
  return formatDecimal(Number(amount.toPrecision(15)), locale, digits, Math.max(digits, UNIT_PRICE_DECIMALS))
}
