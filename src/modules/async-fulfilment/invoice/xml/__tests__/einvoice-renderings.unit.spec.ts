import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { EINVOICE_MATRIX } from "../../__tests__/__fixtures__/einvoice-matrix"
import type { InvoiceModel } from "../../model/invoice-model"
import { renderCiiInvoice } from "../cii/render-cii-invoice"
import { renderUblInvoice } from "../ubl/render-ubl-invoice"

const matrixCase = (prefix: string) => {
  const testCase = EINVOICE_MATRIX.find((candidate) => candidate.name.startsWith(prefix))!
  const model = modelOf(testCase.order, testCase.options)
  return { order: testCase.order, model, cii: renderCiiInvoice(model), ubl: renderUblInvoice(model) }
}

const valuesOf = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, "g"))].map((match) => match[1])

describe("the CII and UBL renderings of the invoice model", () => {
  it.each(EINVOICE_MATRIX.map((testCase) => testCase.name))("%s: both state the order's total to the cent", (name) => {
    const { order, model, cii, ubl } = matrixCase(name)
    const total = (Math.round(Number((order.totals.total * 100).toPrecision(15))) / 100).toFixed(2)
    expect(valuesOf(cii, "ram:GrandTotalAmount")).toEqual([total])
    expect(valuesOf(ubl, "cbc:TaxInclusiveAmount")).toEqual([total])
    expect(valuesOf(cii, "ram:LineTotalAmount")).toHaveLength(model.lines.length + 1)
    expect(valuesOf(ubl, "cbc:LineExtensionAmount")).toHaveLength(model.lines.length + 1)
  })

  it("take every number from the model and give the same bytes every time", () => {
    const { model, cii, ubl } = matrixCase("promotion discount")
    const copy: InvoiceModel = JSON.parse(JSON.stringify(model))
    expect(renderCiiInvoice(copy)).toBe(cii)
    expect(renderUblInvoice(copy)).toBe(ubl)
    copy.totals.grossTotal = 1
    expect(valuesOf(renderCiiInvoice(copy), "ram:GrandTotalAmount")).toEqual(["1.00"])
  })

  it("carry the buyer's VAT ID (BT-48) of a B2B order", () => {
    const { cii, ubl } = matrixCase("B2B PL with NIP")
    expect(cii).toContain('<ram:ID schemeID="VA">PL5261040828</ram:ID>')
    expect(ubl).toContain("<cbc:CompanyID>PL5261040828</cbc:CompanyID>")
    expect(valuesOf(cii, "ram:DuePayableAmount")).toEqual(valuesOf(cii, "ram:GrandTotalAmount"))
    expect(valuesOf(cii, "ram:IBANID")).toEqual(["PL61109010140000071219812874"])
    expect(ubl).toContain("<cbc:DueDate>2026-12-05</cbc:DueDate>")
  })

  it("give each rate its breakdown", () => {
    const { cii, ubl } = matrixCase("23 %, 8 % and 5 %")
    expect(valuesOf(cii, "ram:RateApplicablePercent").slice(-3)).toEqual(["23", "8", "5"])
    expect(valuesOf(ubl, "cbc:Percent").slice(0, 3)).toEqual(["23", "8", "5"])
  })

  it("state the exemption reason and the reverse charge", () => {
    const exempt = matrixCase("0 % exempt")
    expect(valuesOf(exempt.cii, "ram:ExemptionReason")).toEqual(["Zwolnione z VAT (art. 43 ust. 1 pkt 29 lit. c ustawy o VAT)"])
    expect(valuesOf(exempt.ubl, "cbc:TaxExemptionReason")).toEqual(["Zwolnione z VAT (art. 43 ust. 1 pkt 29 lit. c ustawy o VAT)"])
    const reverse = matrixCase("intra-EU reverse charge")
    expect(valuesOf(reverse.cii, "ram:ExemptionReasonCode")).toEqual(["VATEX-EU-AE"])
    expect(valuesOf(reverse.ubl, "cbc:TaxExemptionReasonCode")).toEqual(["VATEX-EU-AE"])
    expect(valuesOf(reverse.cii, "ram:Content")[0]).toMatch(/^Reverse charge/)
    expect(reverse.cii).toContain('<ram:ID schemeID="VA">DE811193231</ram:ID>')
    expect(valuesOf(reverse.cii, "ram:TaxTotalAmount")).toEqual(["0.00"])
    expect(valuesOf(reverse.ubl, "cbc:PaymentMeansCode")).toEqual(["58"])
  })

  it("show promotions as line allowances and leave out shipping that costs nothing", () => {
    const promotion = matrixCase("promotion discount")
    expect(valuesOf(promotion.cii, "ram:Reason")).toEqual(["Discount (WIOSNA10)", "Discount (WIOSNA10)", "Discount (NEWSLETTER)", "Discount (SHIP50)"])
    expect(valuesOf(promotion.ubl, "cbc:AllowanceChargeReason")).toHaveLength(4)
    const free = matrixCase("free shipping")
    expect(free.model.lines).toHaveLength(1)
    expect(free.cii).not.toContain("Darmowa dostawa")
  })

  it("escape what the buyer typed and keep every letter", () => {
    const { cii, ubl } = matrixCase("Polish, German and French letters")
    for (const xml of [cii, ubl]) {
      expect(xml).toContain("Ébénisterie &amp; Fils &lt;SARL&gt;")
      expect(xml).toContain('Größe XL &lt;Spezial&gt; "Übergröße" — Maß für Straße')
      expect(xml).toContain("Krzesło „Żółw” – dąb bielony, źdźbło &amp; łódź")
      expect(xml).toContain("Chaise « Élégance » à l'œuvre, façon Noël")
    }
  })

  it("follow XRechnung 3.0 under the xrechnung profile", () => {
    const { cii, ubl } = matrixCase("xrechnung")
    const id = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    expect(valuesOf(cii, "ram:ID")[0]).toBe(id)
    expect(valuesOf(ubl, "cbc:CustomizationID")).toEqual([id])
    expect(valuesOf(cii, "ram:BuyerReference")).toEqual(["05315000-12345-67"])
    expect(valuesOf(ubl, "cbc:BuyerReference")).toEqual(["05315000-12345-67"])
    expect(valuesOf(cii, "ram:PersonName")).toEqual(["Möbelhaus Schröder GmbH", "Jonas Weber"])
    expect(valuesOf(ubl, "cbc:Telephone")[0]).toBe("+49 211 1234567")
    expect(valuesOf(ubl, "cbc:ElectronicMail")).toEqual(["rechnung@moebelhaus-schroeder.example"])
    expect(matrixCase("B2C PL 23 %").cii).toContain("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>")
  })

  it("make a credit note refer to the invoice it corrects (BG-3)", () => {
    const { cii, ubl } = matrixCase("credit note")
    expect(valuesOf(cii, "ram:TypeCode")[0]).toBe("381")
    expect(valuesOf(cii, "ram:IssuerAssignedID")).toEqual(["#1001", "FV/2026/000041"])
    expect(cii).toContain('<qdt:DateTimeString format="102">20261120</qdt:DateTimeString>')
    expect(ubl).toMatch(/^<\?xml[^>]*>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/)
    expect(ubl).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
    expect(ubl).toContain("<cac:InvoiceDocumentReference>\n      <cbc:ID>FV/2026/000041</cbc:ID>\n      <cbc:IssueDate>2026-11-20</cbc:IssueDate>")
    expect(ubl).toContain('<cbc:CreditedQuantity unitCode="H87">1</cbc:CreditedQuantity>')
    expect(ubl).not.toContain("InvoiceLine")
  })
})
