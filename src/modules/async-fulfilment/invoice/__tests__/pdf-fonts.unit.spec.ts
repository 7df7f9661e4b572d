import { dirname, join } from "path"
import { buildInvoiceContent } from "../content/build-invoice-content"
import type { InvoiceContent } from "../content/invoice-content"
import { renderInvoicePdf } from "../pdf/render-invoice-pdf"
import { invoiceIdentity, line, orderDocument, seller } from "./__fixtures__/invoice-input"

// The package's index.js runs a debug self-test when loaded without a parent module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfParse = require("pdf-parse/lib/pdf-parse.js") as (data: Uint8Array) => Promise<{ text: string }>

const DEJAVU_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")

function contentWithTitle(title: string): InvoiceContent {
  const order = orderDocument(1)
  order.items[0] = line(1, { title, subtitle: null })
  return buildInvoiceContent({ order, invoice: invoiceIdentity, seller })
}

async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfParse(new Uint8Array(pdf))).text
}

/** The embedded fonts' names, without the subset tag: "DejaVuSans", "DejaVuSans-Bold". */
function embeddedFontNames(pdf: Buffer): string[] {
  const names = pdf.toString("latin1").match(/\/FontName \/[A-Z]{6}\+[\w-]+/g) ?? []
  return names.map((name) => name.replace(/^.*\+/, "")).sort()
}

describe("invoice fonts", () => {
  it("embeds subsets of DejaVu Sans by default, and no standard font", async () => {
    const pdf = await renderInvoicePdf(contentWithTitle("Mug"))

    expect(embeddedFontNames(pdf)).toEqual(["DejaVuSans", "DejaVuSans-Bold"])
    expect(pdf.toString("latin1")).not.toContain("Helvetica")
  })

  it("renders an invoice the same whatever the process printed before", async () => {
    // "Ż" is a composite glyph drawn from "Z", which no invoice in this file printed before; with
    // the parsed font shared as is, "Z" would keep the empty text of a composite's part.
    await renderInvoicePdf(contentWithTitle("Żółw ąę"))
    const after = await renderInvoicePdf(contentWithTitle("Zebra Oaza"))
    let fresh: Promise<Buffer> | undefined
    jest.isolateModules(() => {
      const isolated = require("../pdf/render-invoice-pdf") as typeof import("../pdf/render-invoice-pdf")
      fresh = isolated.renderInvoicePdf(contentWithTitle("Zebra Oaza"))
    })

    expect(await textOf(after)).toContain("Zebra Oaza")
    expect(after.equals(await fresh!)).toBe(true)
  })

  it("prints with the store's own fonts when given", async () => {
    const fonts = { regular: join(DEJAVU_DIR, "DejaVuSerif.ttf"), bold: join(DEJAVU_DIR, "DejaVuSerif-Bold.ttf") }
    const pdf = await renderInvoicePdf(contentWithTitle("Zażółć gęślą jaźń"), { fonts })

    expect(embeddedFontNames(pdf)).toEqual(["DejaVuSerif", "DejaVuSerif-Bold"])
    expect(await textOf(pdf)).toContain("Zażółć gęślą jaźń")
  })

  it("names the font that cannot be loaded", async () => {
    const missing = { regular: join(DEJAVU_DIR, "DejaVuSans.ttf"), bold: "/nonexistent/Bold.ttf" }
    const notAFont = { regular: require.resolve("dejavu-fonts-ttf/package.json"), bold: missing.regular }

    await expect(renderInvoicePdf(contentWithTitle("Mug"), { fonts: missing })).rejects.toThrow(
      /Cannot load the invoice's bold font \/nonexistent\/Bold\.ttf: ENOENT/
    )
    await expect(renderInvoicePdf(contentWithTitle("Mug"), { fonts: notAFont })).rejects.toThrow(
      /Cannot load the invoice's regular font .*package\.json/
    )
  })
})
