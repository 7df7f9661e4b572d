import { buildInvoiceContent } from "../content/build-invoice-content"
import type { InvoiceContent } from "../content/invoice-content"
import { renderInvoiceContentPdf as renderInvoicePdf } from "../pdf/legacy/render-invoice-content-pdf"
import { address, invoiceIdentity, line, orderDocument, seller } from "./__fixtures__/invoice-input"

// The package's index.js runs a debug self-test when loaded without a parent module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfParse = require("pdf-parse/lib/pdf-parse.js") as (data: Uint8Array) => Promise<{ text: string; numpages: number }>

async function readPdf(pdf: Buffer): Promise<{ text: string; numpages: number }> {
  // pdf-parse's pdf.js reads the Buffer's whole backing ArrayBuffer; a small Buffer is a slice of
  // Node's shared pool, so it gets a copy of its own ("bad XRef entry" otherwise).
  const parsed = await pdfParse(new Uint8Array(pdf))
  // Intl puts no-break spaces (fr: narrow ones) in amounts.
  return { numpages: parsed.numpages, text: parsed.text.replace(/[\u00a0\u202f]/g, " ") }
}

const REAL_TIMER_APIS = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const

function contentWithLines(lineCount: number): InvoiceContent {
  return buildInvoiceContent({ order: orderDocument(lineCount), invoice: invoiceIdentity, seller })
}

describe("renderInvoiceContentPdf (legacy)", () => {
  it("renders a one-page PDF whose text holds the invoice's key data", async () => {
    const pdf = await renderInvoicePdf(contentWithLines(5))
    const { text, numpages } = await readPdf(pdf)

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(numpages).toBe(1)
    expect(text).toContain("INVOICE")
    expect(text).toContain("INV-2024-000123")
    expect(text).toContain("Anna Kowalska")
    expect(text).toContain("Acme Ceramics Sp. z o.o.")
    expect(text).toContain("Ceramic mug 3")
    expect(text).toContain("€129.15")
    expect(text).toContain("Page 1 of 1")
    expect(text).not.toContain("Page 2")
  })

  it("breaks a 60-line table over several pages with numbered footers", async () => {
    const pdf = await renderInvoicePdf(contentWithLines(60))
    const { text, numpages } = await readPdf(pdf)

    expect(numpages).toBeGreaterThanOrEqual(2)
    expect(text).toContain(`Page 2 of ${numpages}`)
    expect(text).toContain(`Page ${numpages} of ${numpages}`)
    expect(text).toContain("Ceramic mug 1 ")
    expect(text).toContain("Ceramic mug 60")
    // the header row is repeated on every page that continues the table
    expect(text.match(/Unit price/g)?.length).toBe(numpages)
    expect(text).toContain("€1,482.15")
  })

  describe("determinism", () => {
    afterEach(() => jest.useRealTimers())

    it("re-renders the same content to byte-identical output, whatever the clock says", async () => {
      const content = contentWithLines(5)
      const first = await renderInvoicePdf(content)
      // only Date is faked: pdfkit's stream still needs real ticks and immediates
      jest.useFakeTimers({ doNotFake: [...REAL_TIMER_APIS], now: new Date("2031-12-24T18:00:00Z") })
      const second = await renderInvoicePdf(content)
      const fromJson = await renderInvoicePdf(JSON.parse(JSON.stringify(content)) as InvoiceContent)

      expect(second.equals(first)).toBe(true)
      expect(fromJson.equals(first)).toBe(true)
      expect(first.toString("latin1")).toContain("/CreationDate")
      expect(first.toString("latin1")).toContain("(D:20240507080000Z)")
    })
  })

  it("prints Polish letters and złoty amounts as they are, and wraps long descriptions", async () => {
    const order = orderDocument(2, {
      currency_code: "pln",
      billing_address: address({ first_name: "Zażółć", last_name: "gęślą jaźń", city: "Łódź", postal_code: "90-001" }),
    })
    order.items[0] = line(1, { title: "Zażółć gęślą jaźń", subtitle: "ŻÓŁTY" })
    order.items[1] = line(2, { title: "Kubek ".repeat(40).trim(), subtitle: "Zielony" })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller, locale: "pl" })
    const { text } = await readPdf(await renderInvoicePdf(content))
    const lines = text.split("\n")

    expect(lines).toContain("Zażółć gęślą jaźń")
    expect(lines).toContain("90-001 Łódź")
    expect(lines).toContain("ul. Długa 5")
    expect(lines).toContain("31-147 Kraków")
    expect(text).toContain("Zażółć gęślą jaźń – ŻÓŁTY")
    expect(text).toContain("10,00 zł")
    expect(text).toContain("24,60 zł")
    expect(text).toContain("55,35 zł")
    expect(text).not.toMatch(/zl\b|Lodz|Dluga/)
    expect(text).toContain("Zielony")
    // wrapped: the 40 words do not come back as one line
    expect(lines.some((textLine) => textLine.includes("Kubek Kubek") && textLine.length < 60)).toBe(true)
  })

  it("prints Greek and Cyrillic, and turns tabs and CR LF into spaces and line breaks", async () => {
    const order = orderDocument(1, { billing_address: address({ address_1: "Tab\there", address_2: "Flat 2\r\nGate B" }) })
    order.items[0] = line(1, { title: "Ωμέγα Кириллица", subtitle: null })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller })
    const { text } = await readPdf(await renderInvoicePdf(content))
    const lines = text.split("\n")

    expect(text).toContain("Ωμέγα Кириллица")
    expect(lines).toEqual(expect.arrayContaining(["Tab here", "Flat 2", "Gate B"]))
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
  })

  it("cuts a description too long for a page and keeps huge amounts on one line", async () => {
    const order = orderDocument(1, { currency_code: "idr" })
    order.items[0] = line(1, { title: "Enormous description ".repeat(300), unit_price: 123456789012, total: 987654321099 })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller, locale: "fr" })
    const { text, numpages } = await readPdf(await renderInvoicePdf(content))

    expect(numpages).toBe(1)
    expect(text).toContain("Enormous...")
    expect(text).toContain("123 456 789 012 IDR")
    expect(text).toContain("987 654 321 099 IDR")
  })
})
