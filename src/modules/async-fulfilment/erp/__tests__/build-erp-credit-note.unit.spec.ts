import { buildErpCreditNoteDocument } from "../build-erp-credit-note"
import { buildCreditNoteModel } from "../../invoice/credit-note/build-credit-note-model"
import { translationsFor } from "../../i18n"
import { modelOf } from "../../invoice/__tests__/__fixtures__/build-model"
import { medusaOrderDocument } from "../../invoice/__tests__/__fixtures__/medusa-order"

const invoice = modelOf(
  medusaOrderDocument({
    currency: "pln",
    items: [
      { title: "Desk", unit_price: 1000, quantity: 1, tax: [{ rate: 23 }] },
      { title: "Book", unit_price: 100, quantity: 2, tax: [{ rate: 8 }] },
    ],
    billing: { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
  })
)
const model = buildCreditNoteModel({
  invoice,
  creditNote: { number: "CN-2026-000001", issued_at: "2026-12-01T10:00:00.000Z" },
  scope: { kind: "cancellation" },
  texts: translationsFor("en").invoiceModel,
})

describe("buildErpCreditNoteDocument", () => {
  const document = buildErpCreditNoteDocument({ id: "afcn_1", order_id: "order_1", reason: "cancellation", model })

  it("is the order document's envelope with type credit_note, the credit note's number and the invoice it corrects", () => {
    expect(document).toMatchObject({
      schema_version: 1,
      type: "credit_note",
      order_id: "order_1",
      credit_note_id: "afcn_1",
      reason: "cancellation",
      currency_code: "PLN",
      credit_note: { number: "CN-2026-000001", type_code: "381", issue_date: "2026-12-01" },
      corrects_invoice: { number: invoice.number, issue_date: invoice.issueDate },
    })
  })

  it("states the lines, VAT per rate and totals of its stored model, as decimal strings that add up", () => {
    expect(document.lines.map((line) => [line.title, line.vat_rate, line.gross_amount])).toEqual(
      model.lines.map((line) => [line.name, line.vatRate, line.grossAmount.toFixed(2)])
    )
    expect(document.credit_note.vat_breakdown.map((entry) => [entry.rate, entry.taxable_amount, entry.vat_amount])).toEqual([
      [23, "1000.00", "230.00"],
      [8, "200.00", "16.00"],
    ])
    expect(document.credit_note.totals).toMatchObject({ net_total: "1200.00", vat_total: "246.00", gross_total: "1446.00" })
  })
})
