import type { InvoiceModel } from "../model/invoice-model"
import { renderInvoicePdf } from "../pdf/render-invoice-pdf"
import { polishB2bInvoiceModel, sixtyLineInvoiceModel } from "./__fixtures__/invoice-model"
import { englishPdfLabels } from "./__fixtures__/pdf-labels-en"
import { polishPdfLabels } from "./__fixtures__/pdf-labels-pl"
import { readPdfPages, readPdfText } from "./__fixtures__/read-pdf"

const polish = { labels: polishPdfLabels, locale: "pl" }
// only Date is faked in the determinism tests: pdfkit's stream still needs real ticks and immediates
const REAL_TIMER_APIS = ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "performance", "hrtime"] as const
const english = { labels: englishPdfLabels, locale: "en" }

/** "1 234,56 zł" / "PLN 1,234.56" / "1 234,56" → cents, whichever locale printed it. */
function cents(printed: string, decimalSeparator: "," | "."): number {
  const digits = printed.replace(/[^\d,.-]/g, "")
  const [whole, fraction = "00"] = digits.split(decimalSeparator)
  return Number(whole.replace(/[,.]/g, "")) * 100 + Number(fraction)
}

/**
 * The amount printed after a label at the end of a line: "Razem brutto 504,48 zł" → "504,48 zł"
 * (the payment block on the left may share the line).
 */
function amountAfter(text: string, label: string): string {
  const match = new RegExp(`(?:^| )${label} (\\S+(?: \\S+)*)$`, "m").exec(text)
  if (!match) throw new Error(`no line "${label} …" in:\n${text}`)
  return match[1]
}

describe("renderInvoicePdf", () => {
  it("prints a Polish B2B invoice: NIPs, each VAT rate's base and amount, the gross total", async () => {
    const text = await readPdfText(await renderInvoicePdf(polishB2bInvoiceModel(), polish))

    expect(text).toContain("NIP: PL6772477900")
    expect(text).toContain("NIP: PL5252248481")
    expect(text).toMatch(/(^| )23% 312,68 71,92 384,60$/m)
    expect(text).toMatch(/(^| )8% 111,00 8,88 119,88$/m)
    expect(amountAfter(text, "Razem brutto")).toBe("504,48 zł")
    expect(amountAfter(text, "Do zapłaty")).toBe("504,48 zł")
  })

  it("prints totals that add up: net + VAT = gross, and the rates' bases and VAT make the totals", async () => {
    const text = await readPdfText(await renderInvoicePdf(polishB2bInvoiceModel(), polish))
    const net = cents(amountAfter(text, "Razem netto"), ",")
    const vat = cents(amountAfter(text, "Razem VAT"), ",")
    const gross = cents(amountAfter(text, "Razem brutto"), ",")
    const rates = [...text.matchAll(/(?:^| )\d+% (\d[\d ]*,\d\d) (\d[\d ]*,\d\d) (\d[\d ]*,\d\d)$/gm)]

    expect(rates).toHaveLength(2)
    expect(net + vat).toBe(gross)
    expect(rates.reduce((sum, [, base]) => sum + cents(base, ","), 0)).toBe(net)
    expect(rates.reduce((sum, [, , rateVat]) => sum + cents(rateVat, ","), 0)).toBe(vat)
    expect(rates.reduce((sum, [, , , rateGross]) => sum + cents(rateGross, ","), 0)).toBe(gross)
  })

  it("prints the line table: net unit price, net, rate, VAT and gross per line, SKU and discount under the name", async () => {
    const lines = (await readPdfText(await renderInvoicePdf(polishB2bInvoiceModel(), polish))).split("\n")

    expect(lines).toContain("1 Kubek ceramiczny – Niebieski / 12 szt. 24,39 292,68 23% 67,32 360,00")
    expect(lines).toContain("2 Album „Ceramika polska” 2 szt. 45,00 81,00 8% 6,48 87,48")
    expect(lines).toContain("4 Kurier DPD 1 usł. 20,00 20,00 23% 4,60 24,60")
    expect(lines).toContain("MUG-350-BLUE")
    expect(lines).toContain("Rabat (Promocja wiosenna): −9,00")
  })

  it("speaks Polish with Polish labels and dates: seller, buyer, dates of issue, sale and payment", async () => {
    const text = await readPdfText(await renderInvoicePdf(polishB2bInvoiceModel(), polish))

    for (const expected of [
      "FAKTURA VAT",
      "SPRZEDAWCA",
      "NABYWCA",
      "ADRES DOSTAWY",
      "Nr faktury: FV/2026/000123",
      "Data wystawienia: 2 marca 2026",
      "Data sprzedaży: 27 lutego 2026",
      "Termin płatności: 16 marca 2026",
      "Zamówienie: #1042",
      "Rachunek bankowy: PL61 1090 1014 0000 0712 1981 2874",
      "IBAN: PL61 1090 1014 0000 0712 1981 2874",
      "BIC/SWIFT: WBKPPLPP",
      "Sposób płatności: Przelew",
      "KRS 0000123456, Sąd Rejonowy dla m.st. Warszawy",
      "Strona 1 z 1",
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toMatch(/Invoice|Seller|Buyer|Page 1/)
  })

  it("speaks English with English labels and the currency's code", async () => {
    const text = await readPdfText(await renderInvoicePdf(polishB2bInvoiceModel(), english))

    expect(text).toContain("INVOICE")
    expect(text).toContain("VAT ID: PL6772477900")
    expect(text).toContain("Issue date: March 2, 2026")
    expect(amountAfter(text, "Gross total")).toBe("PLN 504.48")
    expect(text).toMatch(/(^| )23% 312\.68 71\.92 384\.60$/m)
    expect(text).toContain("Page 1 of 1")
    expect(text).not.toContain("Faktura")
  })

  it("names countries in the invoice's language, never by their codes", async () => {
    const model = polishB2bInvoiceModel()
    model.buyer = { ...model.buyer, address: { ...model.buyer.address, city: "Berlin", postalCode: "10115", countryCode: "DE" } }
    const polishLines = (await readPdfText(await renderInvoicePdf(model, polish))).split("\n")
    const englishLines = (await readPdfText(await renderInvoicePdf(model, english))).split("\n")

    expect(polishLines).toEqual(expect.arrayContaining(["Polska", "Niemcy", "10115 Berlin"]))
    expect(englishLines).toEqual(expect.arrayContaining(["Poland", "Germany"]))
    expect([...polishLines, ...englishLines]).not.toEqual(expect.arrayContaining(["PL", "DE"]))
  })

  it("breaks 60 lines over pages: the header and the table's headings on each, the totals on the last", async () => {
    const pages = await readPdfPages(await renderInvoicePdf(sixtyLineInvoiceModel(), polish))
    const last = pages[pages.length - 1]

    expect(pages.length).toBeGreaterThanOrEqual(2)
    pages.forEach((page, index) => {
      expect(page).toContain("Acme Ceramika Sp. z o.o.")
      expect(page).toMatch(/Faktura VAT FV\/2026\/000124|FAKTURA VAT/)
      expect(page).toContain("Nazwa towaru lub usługi")
      expect(page).toContain(`Strona ${index + 1} z ${pages.length}`)
      if (index < pages.length - 1) expect(page).not.toContain("Razem brutto")
    })
    expect(pages[0]).toMatch(/^1 Płytka ceramiczna wzór 1 1 szt\./m)
    expect(last).toMatch(/^60 Płytka ceramiczna wzór 60 1 szt\./m)
    expect(amountAfter(last, "Razem brutto")).toBe("738,00 zł")
    expect(amountAfter(last, "Zapłacono")).toBe("738,00 zł")
    expect(amountAfter(last, "Do zapłaty")).toBe("0,00 zł")
    // paid: no due date, "Zapłacono" in its place
    expect(pages[0]).not.toContain("Termin płatności")
  })

  it("prints a credit note's title and the invoice it corrects", async () => {
    const model = polishB2bInvoiceModel({
      typeCode: "381",
      precedingInvoice: { number: "FV/2026/000100", issueDate: "2026-02-01" },
    })
    const text = await readPdfText(await renderInvoicePdf(model, polish))

    expect(text).toContain("FAKTURA KORYGUJĄCA")
    expect(text).toContain("Faktura korygowana: FV/2026/000100 (1 lutego")
    expect(text).toContain(`Nr faktury korygującej: ${model.number}`)
  })

  it("prints what a credit note did with its amount: refunded, or taken off the invoice, never an amount due", async () => {
    const base = polishB2bInvoiceModel({ typeCode: "381", precedingInvoice: { number: "FV/2026/000100", issueDate: "2026-02-01" } })
    const gross = base.totals.grossTotal
    const refunded = await readPdfText(
      await renderInvoicePdf({ ...base, payment: { ...base.payment, paid: true }, totals: { ...base.totals, paidAmount: gross, amountDue: 0 } }, polish)
    )
    const offset = await readPdfText(
      await renderInvoicePdf({ ...base, payment: { ...base.payment, paid: false }, totals: { ...base.totals, paidAmount: 0, amountDue: gross } }, polish)
    )

    expect(amountAfter(refunded, "Zwrócono")).toBe(amountAfter(refunded, "Razem brutto"))
    expect(amountAfter(offset, "Zmniejsza należność")).toBe(amountAfter(offset, "Razem brutto"))
    for (const text of [refunded, offset]) {
      expect(text).not.toMatch(/^Do zapłaty/m)
      expect(text).not.toMatch(/^Zapłacono/m)
    }
  })

  it("prints the reason of an exempt or reverse-charge rate and the invoice's notes", async () => {
    const model = polishB2bInvoiceModel()
    model.lines = model.lines.map((line) => ({
      ...line,
      vatCategory: "AE" as const,
      vatRate: 0,
      vatAmount: 0,
      grossAmount: line.netAmount,
    }))
    model.vatBreakdown = [
      {
        category: "AE",
        rate: 0,
        taxableAmount: 423.68,
        vatAmount: 0,
        exemptionReason: "Odwrotne obciążenie",
        exemptionReasonCode: "VATEX-EU-AE",
      },
    ]
    model.totals = { ...model.totals, vatTotal: 0, grossTotal: 423.68, amountDue: 423.68 }
    model.notes = ["Odwrotne obciążenie – art. 196 dyrektywy 2006/112/WE"]
    const text = await readPdfText(await renderInvoicePdf(model, polish))

    expect(text).toMatch(/(^| )AE 423,68 0,00 423,68$/m)
    expect(text).toContain("AE: Odwrotne obciążenie")
    expect(text).toContain("Uwagi")
    expect(text).toContain("Odwrotne obciążenie – art. 196 dyrektywy 2006/112/WE")
  })

  it("cuts a description too long for a page and keeps huge amounts on one line", async () => {
    const model = polishB2bInvoiceModel()
    model.lines[0] = { ...model.lines[0], name: "Bardzo długi opis ".repeat(200), grossAmount: 987654321.99 }
    const pages = await readPdfPages(await renderInvoicePdf(model, polish))

    expect(pages).toHaveLength(1)
    expect(pages[0]).toMatch(/^Bardzo długi opis Bardzo długi\.\.\.$/m)
    expect(pages[0]).toContain("987 654 321,99")
  })

  it("turns tabs and CR LF of the model into spaces and line breaks", async () => {
    const model = polishB2bInvoiceModel()
    model.buyer = { ...model.buyer, name: "Nowak\tMeble", address: { ...model.buyer.address, lines: ["ul. Długa 5\r\nlok. 3"] } }
    const text = await readPdfText(await renderInvoicePdf(model, polish))

    // the deliver-to block shares these lines, to the right
    expect(text).toMatch(/^Nowak Meble Nowak Meble – magazyn$/m)
    expect(text).toMatch(/^ul\. Długa 5 90-001 Łódź$/m)
    expect(text).toMatch(/^lok\. 3 Polska$/m)
  })

  describe("determinism", () => {
    afterEach(() => jest.useRealTimers())

    it.each([
      ["plain", {}],
      ["Factur-X", { embeddedXml: "<rsm:CrossIndustryInvoice/>" }],
    ])("re-renders a %s PDF byte for byte, whatever the clock says", async (_, extra) => {
      const model = sixtyLineInvoiceModel()
      const first = await renderInvoicePdf(model, { ...polish, ...extra })
      jest.useFakeTimers({ doNotFake: [...REAL_TIMER_APIS], now: new Date("2031-12-24T18:00:00Z") })
      const second = await renderInvoicePdf(model, { ...polish, ...extra })
      const fromJson = await renderInvoicePdf(JSON.parse(JSON.stringify(model)) as InvoiceModel, { ...polish, ...extra })

      expect(second.equals(first)).toBe(true)
      expect(fromJson.equals(first)).toBe(true)
      expect(first.toString("latin1")).toContain("(D:20260302091500Z)")
    })
  })

  describe("input it cannot print", () => {
    it("refuses an issue instant that is no date", async () => {
      await expect(renderInvoicePdf(polishB2bInvoiceModel({ issuedAt: "soon" }), polish)).rejects.toThrow(
        'Cannot render invoice FV/2026/000123: issuedAt "soon" is not an ISO 8601 instant'
      )
    })

    it("refuses a locale Intl cannot read, naming it", async () => {
      await expect(renderInvoicePdf(polishB2bInvoiceModel(), { ...polish, locale: "pl_PL!" })).rejects.toThrow(
        /Cannot format the invoice for locale "pl_PL!" and currency "PLN"/
      )
    })

    it("refuses document-level allowances, which the PDF has no labels for", async () => {
      const model = polishB2bInvoiceModel()
      model.totals = { ...model.totals, allowanceTotal: 5, netTotal: 418.68 }
      await expect(renderInvoicePdf(model, polish)).rejects.toThrow(
        /Cannot print invoice FV\/2026\/000123: document-level allowances \(5\) and charges \(0\)/
      )
    })
  })
})
