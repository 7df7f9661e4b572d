export { countryName } from "./country-name"
export { formatCalendarDate, formatInstantDate, type DateStyle } from "./format-date"
export {
  formatAmount,
  formatMoney,
  formatUnitPrice,
  minorUnitDigits,
  normalizeCurrencyCode,
  roundToMinorUnits,
} from "./format-money"
export { formatDecimal, formatPercent, formatQuantity } from "./format-number"
