import { countryName } from "./country-name"
import { formatCalendarDate } from "./format-date"
import { formatAmount, formatMoney, formatUnitPrice, normalizeCurrencyCode } from "./format-money"
import { formatPercent, formatQuantity } from "./format-number"

/** Every value an invoice prints, formatted for one locale and currency. */
export interface InvoiceFormatters {
  /** 1234.5 → "1234,50 zł" (pl-PL, PLN): totals and payment */
  money(amount: number): string
  /** 1234.5 → "1234,50": table cells, whose currency the totals name */
  amount(amount: number): string
  /** a net unit price, up to 4 decimals */
  unitPrice(amount: number): string
  quantity(quantity: number): string
  /** a VAT rate in percent: 23 → "23%", 8.5 → "8,5 %" (de-DE) */
  rate(percent: number): string
  /** "2026-03-02" → "2 marca 2026" (pl-PL) */
  date(calendarDate: string): string
  /** "DE" → "Niemcy" (pl-PL) */
  country(countryCode: string): string
}

/** Bound to a locale (a Translations' `locale`) and an ISO 4217 currency; checks both at once. */
export function invoiceFormatters(locale: string, currencyCode: string): InvoiceFormatters {
  const currency = normalizeCurrencyCode(currencyCode)
  formatMoney(0, currency, locale) // an unusable locale fails here, naming it, not on the first amount
  return {
    money: (amount) => formatMoney(amount, currency, locale),
    amount: (amount) => formatAmount(amount, currency, locale),
    unitPrice: (amount) => formatUnitPrice(amount, currency, locale),
    quantity: (quantity) => formatQuantity(quantity, locale),
    rate: (percent) => formatPercent(percent, locale),
    date: (calendarDate) => formatCalendarDate(calendarDate, locale),
    country: (countryCode) => countryName(countryCode, locale),
  }
}
