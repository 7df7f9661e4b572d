/**
 * Number, money, date and country formatting in the invoice's locale. Formatting only: every
 * amount arrives already rounded in the model and prints with all the decimals it has (never fewer
 * than the currency's own), so no cent is hidden or invented here.
 */
export interface PdfFormatters {
  /** 1234.5 → "1 234,50 zł" (pl, PLN): totals and payment */
  money(amount: number): string
  /** 1234.5 → "1 234,50": table cells, whose currency the totals name */
  amount(amount: number): string
  /** a net unit price: up to 4 decimals */
  unitPrice(amount: number): string
  quantity(quantity: number): string
  /** 23 → "23%", 8.5 → "8,5 %" (de) */
  rate(percent: number): string
  /** "2026-03-02" → "2 marca 2026" (pl) */
  date(isoDate: string): string
  /** "DE" → "Niemcy" (pl) */
  country(code: string): string
}

// Building Intl objects costs far more than using them; an invoice formats dozens of values.
const cache = new Map<string, PdfFormatters>()

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function currencyDigits(locale: string, currencyCode: string): number {
  const options = new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).resolvedOptions()
  return options.maximumFractionDigits ?? 2
}

function assertFinite(value: number, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`Cannot print ${what} ${String(value)}: not a finite number`)
  }
  return value
}

function build(locale: string, currencyCode: string): PdfFormatters {
  const digits = currencyDigits(locale, currencyCode)
  const upTo = (maximum: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, maximum) })
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode, ...upTo(2) })
  const amount = new Intl.NumberFormat(locale, upTo(2))
  const unitPrice = new Intl.NumberFormat(locale, upTo(4))
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 })
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })
  const regions = new Intl.DisplayNames(locale, { type: "region", fallback: "code" })

  return {
    money: (value) => money.format(assertFinite(value, "the amount")),
    amount: (value) => amount.format(assertFinite(value, "the amount")),
    unitPrice: (value) => unitPrice.format(assertFinite(value, "the unit price")),
    quantity: (value) => quantity.format(assertFinite(value, "the quantity")),
    // "8.5" → 0.085 only to let Intl place the sign and spacing of its locale
    rate: (value) => percent.format(assertFinite(value, "the VAT rate") / 100),
    date: (isoDate) => {
      const parts = ISO_DATE.exec(isoDate)
      if (!parts) throw new Error(`Cannot print the date ${JSON.stringify(isoDate)}: expected YYYY-MM-DD`)
      return dates.format(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])))
    },
    country: (code) => {
      try {
        return regions.of(code.toUpperCase()) ?? code
      } catch {
        return code // not a region code Intl knows: printed as given rather than failing the invoice
      }
    },
  }
}

/** The formatters of a locale and an ISO 4217 currency; a bad locale or currency fails naming it. */
export function pdfFormatters(locale: string, currencyCode: string): PdfFormatters {
  const key = `${locale}\u0000${currencyCode}`
  let formatters = cache.get(key)
  if (!formatters) {
    try {
      formatters = build(locale, currencyCode)
    } catch (error) {
      throw new Error(
        `Cannot format the invoice for locale ${JSON.stringify(locale)} and currency ` +
          `${JSON.stringify(currencyCode)}: ${(error as Error).message}`
      )
    }
    cache.set(key, formatters)
  }
  return formatters
}
