import { mapPrintableText, printableText } from "../pdf/printable-text"

describe("printableText", () => {
  it("keeps every printable character, Polish letters and Intl's spaces included", () => {
    expect(printableText("Zażółć gęślą jaźń, Łódź – 1\u202f234,50\u00a0zł \u221212 東京")).toBe(
      "Zażółć gęślą jaźń, Łódź – 1\u202f234,50\u00a0zł \u221212 東京"
    )
  })

  it("composes decomposed letters", () => {
    expect(printableText("Lo\u0301dz\u0301")).toBe("Lódź")
  })

  it("turns tabs into spaces and CR LF into line breaks, and drops other control characters", () => {
    expect(printableText("a\tb\r\nc\rd\u2028e\u0007\u009f")).toBe("a b\nc\nd\ne")
  })
})

describe("mapPrintableText", () => {
  it("converts nested strings and leaves dates and numbers alone", () => {
    const date = new Date("2024-01-01T00:00:00Z")
    const mapped = mapPrintableText({ at: date, lines: ["a\tb"], nested: { n: 1, s: "x\r\ny" } })
    expect(mapped).toEqual({ at: date, lines: ["a b"], nested: { n: 1, s: "x\ny" } })
    expect(mapped.at).toBe(date)
  })
})
