import {
  countryName,
  formatAmount,
  formatCalendarDate,
  formatInstantDate,
  formatPercent,
  formatUnitPrice,
} from "../format"
import { translationsFor } from "../registry"

const NBSP = "\u00a0"
const NNBSP = "\u202f"
const locale = (language: string) => translationsFor(language).locale

describe("countryName", () => {
  it("names a country in the invoice's language", () => {
    expect(countryName("PL", locale("pl"))).toBe("Polska")
    expect(countryName("PL", locale("de"))).toBe("Polen")
    expect(countryName("de", locale("fr"))).toBe("Allemagne")
    expect(countryName("de", locale("en"))).toBe("Germany")
  })

  it("prints a well-formed code it does not know as the code, and refuses anything else", () => {
    expect(countryName("qq", "pl-PL")).toBe("QQ")
    expect(() => countryName("POL", "pl-PL")).toThrow('Cannot name the country "POL": expected an ISO 3166-1 alpha-2 code')
    expect(() => countryName("", "pl-PL")).toThrow(/alpha-2/)
  })
})

describe("formatCalendarDate", () => {
  it.each([
    ["en", "March 14, 2025"],
    ["pl", "14 marca 2025"],
    ["de", "14. März 2025"],
    ["fr", "14 mars 2025"],
  ])("writes 2025-03-14 in %s as %j", (language, expected) => {
    expect(formatCalendarDate("2025-03-14", locale(language))).toBe(expected)
  })

  it("keeps the calendar day whatever the machine's time zone", () => {
    expect(formatCalendarDate("2025-01-01", "pl-PL", "medium")).toBe("1 sty 2025")
    expect(formatCalendarDate("2025-12-31", "de-DE", "medium")).toBe("31.12.2025")
  })

  it.each(["2025-02-30", "14.03.2025", "2025-3-14", ""])("refuses %j", (date) => {
    expect(() => formatCalendarDate(date, "en")).toThrow(/expected a calendar date YYYY-MM-DD/)
  })
})

describe("formatInstantDate", () => {
  it("takes the day in the given time zone", () => {
    expect(formatInstantDate("2025-03-14T23:30:00.000Z", "en")).toBe("March 14, 2025")
    expect(formatInstantDate("2025-03-14T23:30:00.000Z", "pl-PL", { timeZone: "Europe/Warsaw" })).toBe("15 marca 2025")
    expect(() => formatInstantDate("yesterday", "en")).toThrow('Cannot format the date "yesterday"')
  })
})

describe("number formatting", () => {
  it("spaces percentages as each language does", () => {
    expect(formatPercent(23, locale("en"))).toBe("23%")
    expect(formatPercent(8.5, locale("pl"))).toBe("8,5%")
    expect(formatPercent(8.5, locale("de"))).toBe(`8,5${NBSP}%`)
    expect(formatPercent(5.5, locale("fr"))).toBe(`5,5${NBSP}%`)
    expect(formatPercent(2.4000000000000004, "en")).toBe("2.4%")
    expect(formatPercent(0, "en")).toBe("0%")
    expect(() => formatPercent(Number.NaN, "en")).toThrow("Cannot format the rate NaN: not a finite number")
  })

  it("prints amounts with the currency's decimals and the locale's separators, rounding half away from zero", () => {
    expect(formatAmount(12345.5, "pln", locale("pl"))).toBe(`12${NBSP}345,50`)
    expect(formatAmount(1234.5, "pln", locale("pl"))).toBe("1234,50")
    expect(formatAmount(12345.5, "eur", locale("de"))).toBe("12.345,50")
    expect(formatAmount(12345.5, "eur", locale("fr"))).toBe(`12${NNBSP}345,50`)
    expect(formatAmount(1.005, "eur", "en")).toBe("1.01")
    expect(formatAmount(1234.5, "jpy", "en")).toBe("1,235")
  })

  it("prints unit prices with up to 4 decimals, never fewer than the currency's", () => {
    expect(formatUnitPrice(33.3333, "eur", locale("de"))).toBe("33,3333")
    expect(formatUnitPrice(6.25, "eur", locale("de"))).toBe("6,25")
    expect(formatUnitPrice(0.1, "pln", locale("pl"))).toBe("0,10")
    expect(formatUnitPrice(0.1 + 0.2, "eur", "en")).toBe("0.30")
  })
})

