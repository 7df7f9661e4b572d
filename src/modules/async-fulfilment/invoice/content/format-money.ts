export { formatMoney, minorUnitDigits, normalizeCurrencyCode, roundToMinorUnits } from "../../i18n/format/format-money"
