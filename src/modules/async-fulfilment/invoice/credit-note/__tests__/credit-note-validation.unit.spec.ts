import { einvoiceProblems, EInvoiceVerdict, validateEInvoices } from "../../../../../../dev-support/einvoice-validator"
import { describeWithEInvoiceValidator } from "../../../../../../integration-tests/helpers/describe-with-einvoice-validator"
import { readPdfText } from "../../../../../../integration-tests/helpers/read-pdf-text"
import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { EINVOICE_MATRIX } from "../../__tests__/__fixtures__/einvoice-matrix"
import { translationsFor } from "../../../i18n"
import { renderCiiInvoice } from "../../xml/cii/render-cii-invoice"
import { renderUblInvoice } from "../../xml/ubl/render-ubl-invoice"
import { renderIssuedInvoicePdf } from "../../issue-invoice"
import { buildCreditNoteModel, CreditNoteScope } from "../build-credit-note-model"
import type { InvoiceModel } from "../../model/invoice-model"

const invoices = EINVOICE_MATRIX.map((testCase) => ({ name: testCase.name, invoice: modelOf(testCase.order, testCase.options) })).filter(
  ({ invoice }) => invoice.typeCode === "380"
)

const creditNoteOf = (invoice: InvoiceModel, scope: CreditNoteScope): InvoiceModel =>
  buildCreditNoteModel({
    invoice,
    creditNote: { number: "CN-2026-000001", issued_at: "2026-12-01T10:00:00.000Z" },
    scope,
    texts: translationsFor(invoice.language).invoiceModel,
  })

/** A cancellation copies its invoice's lines (the matrix validates those): a few kinds of VAT suffice. */
const CANCELLED = ["B2B PL with NIP", "0 % exempt line with its reason", "intra-EU reverse charge (DE buyer with VAT ID, no VAT)", "xrechnung (DE seller, Leitweg-ID, 19 % and 7 %)"]

/** Returns of part of the goods (one unit of each item line but the last; the whole last line), over a few kinds of VAT. */
const RETURNED = ["23 %, 8 % and 5 % in one order", "promotion discount", "3 × 33.33 and 7 × 0.99", "0 % exempt line with its reason", "intra-EU reverse charge (DE buyer with VAT ID, no VAT)", "xrechnung (DE seller, Leitweg-ID, 19 % and 7 %)"]
const someReturnedLines = (invoice: InvoiceModel) => {
  const items = invoice.lines.filter((line) => line.kind === "item")
  return items.map((line, index) => ({ lineId: line.id, quantity: index === items.length - 1 ? line.quantity : 1 }))
}

/** A refund of a third (rounded to a cent) of every invoice of the matrix, and the cancellations above. */
const notes = invoices.flatMap(({ name, invoice }) => [
  ...(CANCELLED.includes(name) ? [{ name: `${name}: cancellation`, model: creditNoteOf(invoice, { kind: "cancellation" }) }] : []),
  { name: `${name}: refund of a third`, model: creditNoteOf(invoice, { kind: "refund", grossAmount: Math.round(invoice.totals.grossTotal * 33) / 100 }) },
  ...(RETURNED.includes(name) ? [{ name: `${name}: return of some lines`, model: creditNoteOf(invoice, { kind: "return", lines: someReturnedLines(invoice) }) }] : []),
])

describeWithEInvoiceValidator("the EN 16931 validator on credit notes (type 381) for every invoice of the matrix", () => {
  let verdicts = new Map<string, EInvoiceVerdict>()
  const mixedRates = notes.find(({ name }) => name.startsWith("23 %, 8 % and 5 %") && name.endsWith("refund of a third"))!
  let pdf: Buffer

  beforeAll(async () => {
    pdf = await renderIssuedInvoicePdf(mixedRates.model, {})
    verdicts = await validateEInvoices([
      ...notes.flatMap(({ name, model }) => [
        { name: `${name} CII`, content: renderCiiInvoice(model) },
        { name: `${name} UBL`, content: renderUblInvoice(model) },
      ]),
      { name: "Factur-X credit note PDF", content: pdf },
    ])
  }, 600_000)

  it("covers the cancellations it names", () => {
    expect(notes.filter(({ name }) => name.endsWith("cancellation"))).toHaveLength(CANCELLED.length)
  })

  it("covers the returns it names", () => {
    expect(notes.filter(({ name }) => name.endsWith("return of some lines"))).toHaveLength(RETURNED.length)
  })

  it.each(notes.map(({ name }) => name))("%s: the CII and the UBL CreditNote pass with 0 fatal errors", (name) => {
    for (const syntax of ["CII", "UBL"]) {
      expect({ syntax, problems: einvoiceProblems(verdicts.get(`${name} ${syntax}`)!) }).toEqual({ syntax, problems: [] })
    }
  })

  it("renders a Factur-X credit note PDF that passes and names the invoice it corrects", async () => {
    expect(einvoiceProblems(verdicts.get("Factur-X credit note PDF")!)).toEqual([])
    const text = await readPdfText(pdf)
    expect(text).toContain("CN-2026-000001")
    expect(text).toContain(mixedRates.model.precedingInvoice!.number)
    expect(text).toContain(translationsFor(mixedRates.model.language).invoicePdf.creditNoteTitle)
  })
})
