import { formatMoney, roundToMinorUnits } from "../format/format-money"

describe("formatMoney", () => {
  it("formats EUR in English", () => {
    expect(formatMoney(1234.5, "eur")).toBe("€1,234.50")
  })

  it("formats PLN in English and in Polish", () => {
    expect(formatMoney(1234.5, "pln")).toBe("PLN\u00a01,234.50")
    expect(formatMoney(1234.5, "pln", "pl")).toBe("1234,50\u00a0zł")
    expect(formatMoney(12345.5, "pln", "pl")).toBe("12\u00a0345,50\u00a0zł")
  })

  it("rounds to the currency's minor units, half away from zero", () => {
    expect(formatMoney(1.005, "eur")).toBe("€1.01")
    expect(formatMoney(-1.005, "eur")).toBe("-€1.01")
    expect(formatMoney(1234.5, "jpy")).toBe("¥1,235")
    expect(formatMoney(1.2345, "kwd")).toBe("KWD\u00a01.235")
  })

  it("never prints a negative zero", () => {
    expect(formatMoney(-0, "eur")).toBe("€0.00")
    expect(formatMoney(-0.001, "eur")).toBe("€0.00")
  })

  it("rejects codes that are not 3 letters and amounts that are not finite", () => {
    expect(() => formatMoney(1, "euro")).toThrow(/3-letter ISO 4217/)
    expect(() => formatMoney(1, "")).toThrow(/3-letter ISO 4217/)
    expect(() => formatMoney(Number.NaN, "eur")).toThrow(/not a finite number/)
  })
})

describe("roundToMinorUnits", () => {
  it("rounds per currency and avoids binary float artefacts", () => {
    expect(roundToMinorUnits(1.005, "eur")).toBe(1.01)
    expect(roundToMinorUnits(0.1 + 0.2, "pln")).toBe(0.3)
    expect(roundToMinorUnits(99.5, "jpy")).toBe(100)
    expect(roundToMinorUnits(2.0005, "kwd")).toBe(2.001)
    expect(Object.is(roundToMinorUnits(-0.004, "eur"), 0)).toBe(true)
  })
})
