import { execFile, execFileSync } from "child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import { join } from "path"
import { promisify } from "util"
import { renderInvoicePdf, type RenderInvoicePdfOptions } from "../pdf/render-invoice-pdf"
import { CEN_CII_EXAMPLE, VALIDATOR, canRun } from "./__fixtures__/external-tools"
import { SMALL_CII_XML } from "./__fixtures__/facturx-xml"
import { polishB2bInvoiceModel } from "./__fixtures__/invoice-model"
import { polishPdfLabels } from "./__fixtures__/pdf-labels-pl"
import { readQpdfJson, type QpdfView } from "./__fixtures__/qpdf-json"

const run = promisify(execFile)
const facturX: RenderInvoicePdfOptions = { labels: polishPdfLabels, locale: "pl", embeddedXml: SMALL_CII_XML }

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "facturx-spec-"))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function saved(pdf: Buffer, name: string): string {
  const file = join(dir, name)
  writeFileSync(file, pdf)
  return file
}

function xmpOf(view: QpdfView): string {
  return view.streamData(view.catalog["/Metadata"] as string).toString("utf8")
}

describe("renderInvoicePdf with embeddedXml: a Factur-X / ZUGFeRD PDF/A-3b", () => {
  it("embeds the XML as factur-x.xml, an Alternative of the invoice, listed in the catalog's /AF", async () => {
    if (!canRun({ commands: ["qpdf"] }, "the /AF check")) return
    const view = readQpdfJson(await renderInvoicePdf(polishB2bInvoiceModel(), facturX))
    const associated = view.catalog["/AF"] as string[]
    const filespec = view.dict(associated[0])
    const file = view.dict(view.dict(filespec["/EF"])["/F"])

    expect(view.version).toBe("1.7")
    expect(associated).toHaveLength(1)
    expect(filespec).toMatchObject({
      "/Type": "/Filespec",
      "/AFRelationship": "/Alternative",
      "/F": "u:factur-x.xml",
      "/UF": "u:factur-x.xml",
    })
    expect(file).toMatchObject({
      "/Type": "/EmbeddedFile",
      "/Subtype": "/text/xml",
      "/Params": expect.objectContaining({ "/ModDate": "u:D:20260302091500Z", "/CreationDate": "u:D:20260302091500Z" }),
    })
    // not hidden: in the /EmbeddedFiles name tree, where readers and validators look
    expect(view.attachments["factur-x.xml"]).toMatchObject({ filespec: associated[0] })
    expect(view.catalog["/Lang"]).toBe("u:pl")
  })

  it("gives the file back byte for byte to pdfdetach", async () => {
    if (!canRun({ commands: ["pdfdetach"] }, "the pdfdetach check")) return
    const file = saved(await renderInvoicePdf(polishB2bInvoiceModel(), facturX), "detach.pdf")
    const listed = execFileSync("pdfdetach", ["-list", file]).toString("utf8")
    const out = join(dir, "detached.xml")
    execFileSync("pdfdetach", ["-save", "1", "-o", out, file])

    expect(listed).toMatch(/^1 embedded files\n1: factur-x\.xml$/m)
    expect(readFileSync(out).equals(Buffer.from(SMALL_CII_XML, "utf8"))).toBe(true)
  })

  it("declares PDF/A-3b and Factur-X EN 16931 in its XMP metadata, the fx: schema through pdfaExtension", async () => {
    if (!canRun({ commands: ["qpdf"] }, "the XMP check")) return
    const xmp = xmpOf(readQpdfJson(await renderInvoicePdf(polishB2bInvoiceModel(), facturX)))

    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>")
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>")
    expect(xmp).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>")
    expect(xmp).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>")
    expect(xmp).toContain("<fx:Version>1.0</fx:Version>")
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>")
    const schema = xmp.slice(xmp.indexOf("<pdfaExtension:schemas>"), xmp.indexOf("</pdfaExtension:schemas>"))
    expect(schema).toContain(
      "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>\n" +
        "<pdfaSchema:prefix>fx</pdfaSchema:prefix>"
    )
    for (const property of ["DocumentFileName", "DocumentType", "Version", "ConformanceLevel"]) {
      expect(xmp).toContain(`<pdfaProperty:name>${property}</pdfaProperty:name>`)
    }
    // the info dictionary's twins, which PDF/A wants equal to it
    expect(xmp).toContain("<xmp:CreateDate>2026-03-02T09:15:00Z</xmp:CreateDate>")
    expect(xmp).toContain("<xmp:ModifyDate>2026-03-02T09:15:00Z</xmp:ModifyDate>")
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Faktura VAT FV/2026/000123</rdf:li>')
  })

  it("names another profile when told, e.g. XRECHNUNG", async () => {
    if (!canRun({ commands: ["qpdf"] }, "the XMP check")) return
    const pdf = await renderInvoicePdf(polishB2bInvoiceModel(), { ...facturX, conformanceLevel: "XRECHNUNG" })

    expect(xmpOf(readQpdfJson(pdf))).toContain("<fx:ConformanceLevel>XRECHNUNG</fx:ConformanceLevel>")
  })

  it("writes well-formed XMP whatever the seller is called", async () => {
    if (!canRun({ commands: ["qpdf", "xmllint"] }, "the XMP well-formedness check")) return
    const model = polishB2bInvoiceModel()
    model.seller = { ...model.seller, name: 'Smith & <Sons> "Ceramics"' }
    const view = readQpdfJson(await renderInvoicePdf(model, facturX))
    const xmp = xmpOf(view)

    const xmpFile = saved(Buffer.from(xmp, "utf8"), "xmp.xml")
    expect(() => execFileSync("xmllint", ["--noout", xmpFile], { stdio: "pipe" })).not.toThrow()
    expect(xmp).toContain("<rdf:li>Smith &amp; &lt;Sons&gt; &quot;Ceramics&quot;</rdf:li>")
    expect(view.resolve(view.dict(view.trailer["/Info"])["/Author"])).toBe('u:Smith & <Sons> "Ceramics"')
  })

  it("embeds every font (TrueType subsets, no standard font) and carries an sRGB OutputIntent", async () => {
    if (!canRun({ commands: ["qpdf"] }, "the font and OutputIntent check")) return
    const view = readQpdfJson(await renderInvoicePdf(polishB2bInvoiceModel(), facturX))
    const dicts = view.allDicts()
    const fonts = dicts.filter((dict) => dict["/Type"] === "/Font")
    const descriptors = dicts.filter((dict) => dict["/Type"] === "/FontDescriptor")
    const [intent] = (view.catalog["/OutputIntents"] as string[]).map((reference) => view.dict(reference))

    expect(fonts.length).toBeGreaterThanOrEqual(4) // regular and bold: Type0 + CIDFontType2 each
    expect(fonts.map((font) => font["/Subtype"]).sort()).toEqual(["/CIDFontType2", "/CIDFontType2", "/Type0", "/Type0"])
    expect(descriptors).toHaveLength(2)
    for (const descriptor of descriptors) expect(descriptor["/FontFile2"]).toMatch(/ \d+ R$/)
    expect(intent).toMatchObject({
      "/Type": "/OutputIntent",
      "/S": "/GTS_PDFA1",
      "/OutputConditionIdentifier": "u:sRGB IEC61966-2.1",
    })
    expect(view.dict(intent["/DestOutputProfile"])).toMatchObject({ "/N": 3 })
  })

  it("passes the EN 16931 validator with CEN's own example embedded", async () => {
    if (!canRun({ commands: ["pdfdetach"], files: [VALIDATOR, CEN_CII_EXAMPLE] }, "the EN 16931 validation")) return
    const xml = readFileSync(CEN_CII_EXAMPLE)
    const file = saved(await renderInvoicePdf(polishB2bInvoiceModel(), { ...facturX, embeddedXml: xml }), "cen.pdf")
    const { stdout } = await run("node", [VALIDATOR, file, "--json"]).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? "",
    }))
    const verdict = JSON.parse(stdout) as { fatal: Array<{ id: string }>; xsd: string; error?: string }

    expect(verdict.error).toBeUndefined()
    expect(verdict.fatal).toEqual([])
    expect(verdict.xsd).toMatch(/^(valid|skipped)/)
  }, 30_000)

  it("stays a plain PDF without embeddedXml: no attachment, no PDF/A claim", async () => {
    const pdf = (await renderInvoicePdf(polishB2bInvoiceModel(), { labels: polishPdfLabels, locale: "pl" })).toString("latin1")

    expect(pdf.startsWith("%PDF-1.3")).toBe(true)
    expect(pdf).not.toMatch(/\/AF |\/EmbeddedFile|\/OutputIntents|pdfaid/)
  })

  it("refuses an empty XML", async () => {
    await expect(renderInvoicePdf(polishB2bInvoiceModel(), { ...facturX, embeddedXml: "" })).rejects.toThrow(
      "Cannot embed the e-invoice: the XML is empty"
    )
  })
})
