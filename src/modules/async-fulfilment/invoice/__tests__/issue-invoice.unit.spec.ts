import { invoiceOptionsSchema } from "../../options/invoice-options"
import { buildOrderInvoiceModel, invoiceFileName, renderInvoiceXml, renderIssuedInvoicePdf } from "../issue-invoice"
import { EINVOICE_MATRIX } from "./__fixtures__/einvoice-matrix"
import { POLISH_SELLER_INPUT } from "./__fixtures__/seller-options"
import { readPdfText } from "./__fixtures__/read-pdf"

const invoiceOptions = (overrides: Record<string, unknown> = {}) =>
  invoiceOptionsSchema.parse({ seller: POLISH_SELLER_INPUT, ...overrides })
const identity = { number: "INV-2026-000007", issued_at: "2026-11-21T08:30:00.000Z" }
const polishOrder = EINVOICE_MATRIX.find((matrixCase) => matrixCase.name === "B2B PL with NIP")!.order

describe("issuing an invoice", () => {
  it("builds the model in the order's language: byCountry for the billing country, else the default", () => {
    const byCountry = invoiceOptions({ languages: { default: "de", byCountry: { pl: "pl" } } })
    expect(buildOrderInvoiceModel(polishOrder, identity, byCountry).language).toBe("pl")
    const fallback = invoiceOptions({ languages: { default: "de" } })
    expect(buildOrderInvoiceModel(polishOrder, identity, fallback).language).toBe("de")
    const named = { ...polishOrder, metadata: { ...polishOrder.metadata, locale: "fr-FR" } }
    expect(buildOrderInvoiceModel(named, identity, byCountry).language).toBe("fr")
  })

  it("renders a Factur-X PDF that embeds the CII, and a plain one under the profile none", async () => {
    const facturX = buildOrderInvoiceModel(polishOrder, identity, invoiceOptions({ languages: { byCountry: { PL: "pl" } } }))
    const pdf = await renderIssuedInvoicePdf(facturX, {})
    // the XMP packet is not compressed: it names the Factur-X file and conformance level
    expect(pdf.includes(Buffer.from("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>"))).toBe(true)
    expect(pdf.includes(Buffer.from("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"))).toBe(true)
    expect(renderInvoiceXml(facturX, "cii").toString("utf8")).toContain("urn:cen.eu:en16931:2017")
    expect(await readPdfText(pdf)).toContain("Faktura VAT")

    const plainModel = buildOrderInvoiceModel(polishOrder, identity, invoiceOptions({ einvoice: { profile: "none" } }))
    const plain = await renderIssuedInvoicePdf(plainModel, {})
    expect(plain.includes(Buffer.from("fx:DocumentFileName"))).toBe(false)
  })

  it("formats with invoice.locale only the invoices in its own language", async () => {
    const options = invoiceOptions({ locale: "de-CH", languages: { default: "de" } })
    const german = buildOrderInvoiceModel(polishOrder, identity, options)
    const english = buildOrderInvoiceModel(polishOrder, identity, invoiceOptions({ locale: "de-CH" }))
    // de-CH groups thousands with an apostrophe (5'196.50); de-DE and en do not
    expect(await readPdfText(await renderIssuedInvoicePdf(german, options))).toMatch(/\d'\d{3}\.\d{2}/)
    expect(await readPdfText(await renderIssuedInvoicePdf(english, options))).not.toMatch(/\d'\d{3}\.\d{2}/)
  })

  it("names the files after the invoice number, without path characters", () => {
    expect(invoiceFileName("INV-2026-000007", "pdf")).toBe("invoice-INV-2026-000007.pdf")
    expect(invoiceFileName("FV/2026/7", "cii")).toBe("invoice-FV-2026-7-cii.xml")
    expect(invoiceFileName("FV/2026/7", "ubl")).toBe("invoice-FV-2026-7-ubl.xml")
  })
})
