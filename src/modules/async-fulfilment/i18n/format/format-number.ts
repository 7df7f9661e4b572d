const formatterCache = new Map<string, Intl.NumberFormat>()

// Building an Intl.NumberFormat costs far more than using one; an invoice formats dozens of numbers.
function cachedFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`
  let formatter = formatterCache.get(key)
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, options)
    } catch (error) {
      throw new Error(`Cannot format numbers for locale ${JSON.stringify(locale)}: ${(error as Error).message}`)
    }
    formatterCache.set(key, formatter)
  }
  return formatter
}

export function assertFiniteNumber(value: number, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`Cannot format ${what} ${String(value)}: not a finite number`)
  }
  return value
}

/** A plain decimal with between `minimumFractionDigits` and `maximumFractionDigits` decimals. */
export function formatDecimal(
  value: number,
  locale: string,
  minimumFractionDigits: number,
  maximumFractionDigits: number,
  useGrouping = true
): string {
  const options: Intl.NumberFormatOptions = useGrouping ? { minimumFractionDigits, maximumFractionDigits } : { minimumFractionDigits, maximumFractionDigits, useGrouping }
  return cachedFormatter(locale, options).format(value)
}

export function formatQuantity(quantity: number, locale: string): string {
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) {
    throw new Error(`Invalid line quantity: ${String(quantity)}`)
  }
  return formatDecimal(quantity, locale, 0, 3)
}

/** A rate in percent, spaced as the locale writes it: 23 → "23%" (en, pl), 8.5 → "8,5 %" (de, fr). */
export function formatPercent(percent: number, locale: string): string {
  assertFiniteNumber(percent, "the rate")
  // toPrecision drops binary noise (2.4000000000000004) before the division by 100.
  const fraction = Number((percent / 100).toPrecision(12))
  return cachedFormatter(locale, { style: "percent", maximumFractionDigits: 2 }).format(fraction)
}
