import { dirname, join } from "path"
import type { InvoiceModel } from "../model/invoice-model"
import { renderInvoicePdf, type RenderInvoicePdfOptions } from "../pdf/render-invoice-pdf"
import { polishB2bInvoiceModel } from "./__fixtures__/invoice-model"
import { englishPdfLabels } from "./__fixtures__/pdf-labels-en"
import { readPdfText } from "./__fixtures__/read-pdf"

const DEJAVU_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")

function modelWithTitle(title: string): InvoiceModel {
  const model = polishB2bInvoiceModel()
  model.lines = [{ ...model.lines[2], name: title }]
  return model
}

function render(model: InvoiceModel, options: Partial<RenderInvoicePdfOptions> = {}): Promise<Buffer> {
  return renderInvoicePdf(model, { labels: englishPdfLabels, locale: "en", ...options })
}

const textOf = readPdfText

/** The embedded fonts' names, without the subset tag: "DejaVuSans", "DejaVuSans-Bold". */
function embeddedFontNames(pdf: Buffer): string[] {
  const names = pdf.toString("latin1").match(/\/FontName \/[A-Z]{6}\+[\w-]+/g) ?? []
  return names.map((name) => name.replace(/^.*\+/, "")).sort()
}

describe("invoice fonts", () => {
  it("embeds subsets of DejaVu Sans by default, and no standard font", async () => {
    const pdf = await render(modelWithTitle("Mug"))

    expect(embeddedFontNames(pdf)).toEqual(["DejaVuSans", "DejaVuSans-Bold"])
    expect(pdf.toString("latin1")).not.toContain("Helvetica")
  })

  it.each([
    // "Ż" is a composite glyph drawn from "Z", which no invoice in this file printed before; with
    // the parsed font shared as is, "Z" would keep the empty text of a composite's part.
    ["after a composite glyph's part was subset", "Żółw ąę"],
    // "Zebra " and "Oaza" come from the shared word layouts, shaped for the invoice before
    ["with words an earlier invoice shaped", "Żółw ąę Zebra Oaza"],
  ])("renders an invoice as a fresh process would, %s", async (_, before) => {
    await render(modelWithTitle(before))
    const after = await render(modelWithTitle("Zebra Oaza"))
    let fresh: Promise<Buffer> | undefined
    jest.isolateModules(() => {
      const isolated = require("../pdf/render-invoice-pdf") as typeof import("../pdf/render-invoice-pdf")
      fresh = isolated.renderInvoicePdf(modelWithTitle("Zebra Oaza"), { labels: englishPdfLabels, locale: "en" })
    })

    expect(await textOf(after)).toContain("Zebra Oaza")
    expect(after.equals(await fresh!)).toBe(true)
  })

  it("prints with the store's own fonts when given", async () => {
    const fonts = { regular: join(DEJAVU_DIR, "DejaVuSerif.ttf"), bold: join(DEJAVU_DIR, "DejaVuSerif-Bold.ttf") }
    const pdf = await render(modelWithTitle("Zażółć gęślą jaźń"), { fonts })

    expect(embeddedFontNames(pdf)).toEqual(["DejaVuSerif", "DejaVuSerif-Bold"])
    expect(await textOf(pdf)).toContain("Zażółć gęślą jaźń")
  })

  it("names the font that cannot be loaded", async () => {
    const missing = { regular: join(DEJAVU_DIR, "DejaVuSans.ttf"), bold: "/nonexistent/Bold.ttf" }
    const notAFont = { regular: require.resolve("dejavu-fonts-ttf/package.json"), bold: missing.regular }

    await expect(render(modelWithTitle("Mug"), { fonts: missing })).rejects.toThrow(
      /Cannot load the invoice's bold font \/nonexistent\/Bold\.ttf: ENOENT/
    )
    await expect(render(modelWithTitle("Mug"), { fonts: notAFont })).rejects.toThrow(
      /Cannot load the invoice's regular font .*package\.json/
    )
  })
})
