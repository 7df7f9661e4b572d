const NO_TAX_RATE = "—"

const formatterCache = new Map<string, Intl.NumberFormat>()

// Building an Intl.NumberFormat costs far more than using one; an invoice formats one per line.
function numberFormatter(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${maximumFractionDigits}`
  let formatter = formatterCache.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits })
    formatterCache.set(key, formatter)
  }
  return formatter
}

/** 23 → "23%", 8.5 → "8.5%" (locale-formatted); null (untaxed line) → "—". 0 stays "0%": zero-rated is not untaxed. */
export function formatTaxRate(rate: number | null | undefined, locale: string): string {
  if (typeof rate !== "number" || !Number.isFinite(rate)) {
    return NO_TAX_RATE
  }
  return `${numberFormatter(locale, 2).format(rate)}%`
}

export function formatQuantity(quantity: number, locale: string): string {
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) {
    throw new Error(`Invalid line quantity: ${String(quantity)}`)
  }
  return numberFormatter(locale, 3).format(quantity)
}
