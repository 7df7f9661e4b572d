import { buildCreditNoteModel } from "../build-credit-note-model"
import { CreditExceedsInvoiceError } from "../../../errors/credit-exceeds-invoice-error"
import { InvalidCreditNoteError } from "../../../errors/invalid-credit-note-error"
import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { ENGLISH_MODEL_TEXTS } from "../../__tests__/__fixtures__/english-model-texts"
import { medusaOrderDocument } from "../../__tests__/__fixtures__/medusa-order"
import { randomOrder, seededRandom } from "../../__tests__/__fixtures__/random-orders"
import { translationsFor } from "../../../i18n"
import type { InvoiceModel } from "../../model/invoice-model"
import { invoiceAmountDigits } from "../../model/minor-units"

let unit = 100
/** whole minor units of the currency under test (JPY has none) */
const cents = (amount: number) => Math.round(amount * unit)
const polishCompany = { company: "Nowak Meble Sp. z o.o.", first_name: "Piotr", last_name: "Nowak", address_1: "ul. Fabryczna 8", city: "Poznań", postal_code: "61-001", country_code: "pl" }

/** A paid PLN invoice with 23 %, 8 % and 5 % lines and 23 % shipping. */
const mixedInvoice = modelOf(
  medusaOrderDocument({
    currency: "pln",
    items: [
      { title: "Biurko", unit_price: 33.33, quantity: 3, tax: [{ rate: 23 }] },
      { title: "Kawa", unit_price: 7.99, quantity: 7, tax: [{ rate: 5 }] },
      { title: "Książka", unit_price: 0.99, quantity: 7, tax: [{ rate: 8 }] },
    ],
    shipping: [{ name: "Kurier", amount: 19.99, tax: [{ rate: 23 }] }],
    billing: { ...polishCompany, metadata: { vat_id: "PL5261040828" } },
  })
)

const creditNote = (invoice: InvoiceModel, scope: Parameters<typeof buildCreditNoteModel>[0]["scope"], alreadyCredited = 0) =>
  buildCreditNoteModel({
    invoice,
    creditNote: { number: "CN-2026-000001", issued_at: "2026-12-01T10:00:00.000Z" },
    scope,
    alreadyCredited,
    texts: ENGLISH_MODEL_TEXTS,
  })

/** The EN 16931 sums a credit note must satisfy, to the cent. */
function expectConsistent(note: InvoiceModel) {
  const lineNet = note.lines.reduce((sum, line) => sum + cents(line.netAmount), 0)
  expect(lineNet).toBe(cents(note.totals.lineNetTotal))
  expect(note.vatBreakdown.reduce((sum, entry) => sum + cents(entry.taxableAmount), 0)).toBe(cents(note.totals.netTotal))
  expect(note.vatBreakdown.reduce((sum, entry) => sum + cents(entry.vatAmount), 0)).toBe(cents(note.totals.vatTotal))
  expect(cents(note.totals.netTotal) + cents(note.totals.vatTotal)).toBe(cents(note.totals.grossTotal))
  expect(cents(note.totals.grossTotal) - cents(note.totals.paidAmount)).toBe(cents(note.totals.amountDue))
  for (const entry of note.vatBreakdown) {
    const members = note.lines.filter((line) => line.vatCategory === entry.category && line.vatRate === entry.rate)
    expect(members.reduce((sum, line) => sum + cents(line.netAmount), 0)).toBe(cents(entry.taxableAmount))
    // BR-CO-17 within the cent
    expect(Math.abs(cents(entry.vatAmount) - Math.round((cents(entry.taxableAmount) * entry.rate) / 100))).toBeLessThanOrEqual(1)
  }
}

describe("buildCreditNoteModel", () => {
  it("takes back a cancelled order's whole invoice, line for line, referencing it", () => {
    const note = creditNote(mixedInvoice, { kind: "cancellation" })
    expect(note).toMatchObject({
      number: "CN-2026-000001",
      typeCode: "381",
      issueDate: "2026-12-01",
      dueDate: null,
      currencyCode: "PLN",
      precedingInvoice: { number: mixedInvoice.number, issueDate: mixedInvoice.issueDate },
      seller: mixedInvoice.seller,
      buyer: mixedInvoice.buyer,
      payment: { paid: true, meansCode: "68", terms: "Refunded to the original means of payment", iban: null },
    })
    expect(note.lines).toEqual(mixedInvoice.lines)
    expect(note.vatBreakdown).toEqual(mixedInvoice.vatBreakdown)
    expect(note.totals).toEqual({ ...mixedInvoice.totals, paidAmount: mixedInvoice.totals.grossTotal, amountDue: 0 })
    expect(note.notes[0]).toBe(`Corrects invoice ${mixedInvoice.number} of ${mixedInvoice.issueDate}: the order was cancelled.`)
    expectConsistent(note)
  })

  it("splits a refund over the invoice's VAT rates in proportion, adding up to the refund", () => {
    const note = creditNote(mixedInvoice, { kind: "refund", grossAmount: 50 })
    expect(note.totals.grossTotal).toBe(50)
    expect(note.lines.map((line) => [line.name, line.quantity, line.vatRate])).toEqual(
      mixedInvoice.vatBreakdown.map((entry) => ["Refund", 1, entry.rate])
    )
    // each rate gets its share of the invoice's gross, within a cent
    for (const entry of note.vatBreakdown) {
      const source = mixedInvoice.vatBreakdown.find((invoiceEntry) => invoiceEntry.rate === entry.rate)!
      const expected = (50 * (source.taxableAmount + source.vatAmount)) / mixedInvoice.totals.grossTotal
      expect(Math.abs(entry.taxableAmount + entry.vatAmount - expected)).toBeLessThanOrEqual(0.01)
      // its VAT is its net at its rate, exactly where a whole cent allows
      expect(cents(entry.vatAmount)).toBe(Math.round((cents(entry.taxableAmount) * entry.rate) / 100))
    }
    expectConsistent(note)
  })

  it("keeps random refunds of random carts consistent, and never credits more than the invoice", () => {
    const random = seededRandom(7)
    for (let seed = 1; seed <= 40; seed++) {
      const invoice = modelOf(randomOrder(seed).document)
      unit = 10 ** invoiceAmountDigits(invoice.currencyCode)
      const gross = cents(invoice.totals.grossTotal)
      const first = Math.max(1, Math.floor(random() * gross))
      const refund = creditNote(invoice, { kind: "refund", grossAmount: first / unit })
      expect(cents(refund.totals.grossTotal)).toBe(first)
      expectConsistent(refund)
      // the rest, by cancellation, takes exactly what is left
      if (first < gross) {
        const rest = creditNote(invoice, { kind: "cancellation" }, first / unit)
        expect(cents(rest.totals.grossTotal)).toBe(gross - first)
        expectConsistent(rest)
      }
      expect(() => creditNote(invoice, { kind: "refund", grossAmount: (gross - first + 1) / unit }, first / unit)).toThrow(CreditExceedsInvoiceError)
    }
    unit = 100
  })

  it("refuses an over-refund with the amounts in the message, and nonsense input", () => {
    expect(() => creditNote(mixedInvoice, { kind: "refund", grossAmount: mixedInvoice.totals.grossTotal + 0.01 })).toThrow(
      new RegExp(`only ${mixedInvoice.totals.grossTotal.toFixed(2)} PLN of it is left`)
    )
    expect(() => creditNote(mixedInvoice, { kind: "refund", grossAmount: 0 })).toThrow(InvalidCreditNoteError)
    expect(() => creditNote(mixedInvoice, { kind: "refund", grossAmount: -5 })).toThrow(InvalidCreditNoteError)
    expect(() => creditNote(mixedInvoice, { kind: "cancellation" }, mixedInvoice.totals.grossTotal)).toThrow(/nothing to credit/)
    const note = creditNote(mixedInvoice, { kind: "cancellation" })
    expect(() => creditNote(note, { kind: "cancellation" })).toThrow(/itself a credit note/)
  })

  it("credits an unpaid invoice against what is due, and writes its texts in the invoice's language", () => {
    const unpaid = modelOf(
      medusaOrderDocument({
        currency: "pln",
        items: [{ title: "Biurko", unit_price: 1000, quantity: 1, tax: [{ rate: 23 }] }],
        billing: polishCompany,
        payment: "not_paid",
      })
    )
    const note = buildCreditNoteModel({
      invoice: unpaid,
      creditNote: { number: "KOR/2026/000001", issued_at: "2026-12-01T10:00:00.000Z" },
      scope: { kind: "refund", grossAmount: 123 },
      texts: translationsFor("pl").invoiceModel,
    })
    expect(note.payment).toMatchObject({ paid: false, meansCode: "1", iban: null, terms: `Zmniejsza kwotę do zapłaty z faktury ${unpaid.number}` })
    expect(note.totals).toMatchObject({ grossTotal: 123, paidAmount: 0, amountDue: 123, netTotal: 100, vatTotal: 23 })
    expect(note.lines[0].name).toBe("Zwrot należności")
    expect(note.notes[0]).toContain("Przyczyna korekty: zwrot należności")
  })

  it("credits returned lines: their quantity at the invoice line's unit price and VAT, the breakdown of those lines only", () => {
    const [desk, coffee, book, shipping] = mixedInvoice.lines
    const note = creditNote(mixedInvoice, { kind: "return", lines: [{ lineId: desk.id, quantity: 1 }, { lineId: book.id, quantity: 7 }] })
    expectConsistent(note)
    expect(note.notes[0]).toBe(`Corrects invoice ${mixedInvoice.number} of ${mixedInvoice.issueDate}: returned goods.`)
    expect(note.lines.map((line) => [line.id, line.name, line.quantity, line.netUnitPrice, line.vatRate])).toEqual([
      ["1", desk.name, 1, desk.netUnitPrice, 23],
      ["2", book.name, 7, book.netUnitPrice, 8],
    ])
    // a whole line as invoiced; a part of one in proportion, to the cent
    expect(note.lines[1]).toMatchObject({ netAmount: book.netAmount, vatAmount: book.vatAmount })
    expect(Math.abs(cents(note.lines[0].netAmount) * 3 - cents(desk.netAmount))).toBeLessThanOrEqual(2)
    expect(note.vatBreakdown.map((entry) => entry.rate)).toEqual([23, 8])
    expect(note.totals.grossTotal).toBe((cents(note.lines[0].grossAmount) + cents(book.grossAmount)) / 100)
    expect(note.lines.some((line) => line.kind === "shipping" || line.name === coffee.name)).toBe(false)

    const everything = creditNote(mixedInvoice, { kind: "return", lines: mixedInvoice.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })) })
    expect(everything.totals.grossTotal).toBe(mixedInvoice.totals.grossTotal)
    expect(everything.lines.map((line) => line.kind)).toEqual(["item", "item", "item", "shipping"])
    expect(shipping.kind).toBe("shipping")
  })

  it("refuses a return of more than the invoice line holds, of an unknown line, or beyond what is left to credit", () => {
    const [desk] = mixedInvoice.lines
    expect(() => creditNote(mixedInvoice, { kind: "return", lines: [{ lineId: desk.id, quantity: 4 }] })).toThrow(InvalidCreditNoteError)
    expect(() => creditNote(mixedInvoice, { kind: "return", lines: [{ lineId: "99", quantity: 1 }] })).toThrow("the invoice has no line 99")
    expect(() => creditNote(mixedInvoice, { kind: "return", lines: [] })).toThrow("nothing was returned")
    expect(() =>
      creditNote(mixedInvoice, { kind: "return", lines: [{ lineId: desk.id, quantity: 3 }] }, mixedInvoice.totals.grossTotal - 1)
    ).toThrow(CreditExceedsInvoiceError)
  })
})
