import { mapToWinAnsi, toWinAnsi } from "../pdf-win-ansi"

describe("toWinAnsi", () => {
  it("keeps text that Windows-1252 can encode", () => {
    expect(toWinAnsi("Müller & Søn – €12.50 “ok” Šárka")).toBe("Müller & Søn – €12.50 “ok” Šárka")
  })

  it("transliterates letters Helvetica cannot show and maps Intl's spaces and minus", () => {
    expect(toWinAnsi("Łódź, ul. Świętokrzyska")).toBe("Lódz, ul. Swietokrzyska")
    expect(toWinAnsi("1234,50\u00a0zł")).toBe("1234,50\u00a0zl")
    expect(toWinAnsi("1\u202f234,50\u00a0€")).toBe("1\u00a0234,50\u00a0€")
    expect(toWinAnsi("\u221212,00")).toBe("-12,00")
  })

  it("replaces what has no equivalent and drops control characters", () => {
    expect(toWinAnsi("東京 🙂")).toBe("?? ?")
    expect(toWinAnsi("a\r\nb\u200b")).toBe("a\nb")
  })
})

describe("mapToWinAnsi", () => {
  it("converts nested strings and leaves dates and numbers alone", () => {
    const date = new Date("2024-01-01T00:00:00Z")
    const mapped = mapToWinAnsi({ at: date, lines: ["Łeba"], nested: { n: 1, s: "zł" } })
    expect(mapped).toEqual({ at: date, lines: ["Leba"], nested: { n: 1, s: "zl" } })
    expect(mapped.at).toBe(date)
  })
})
