import type { InvoiceLine, InvoiceModel, InvoicePayment, InvoiceVatBreakdown } from "../model/invoice-model"
import type { InvoiceModelTexts } from "../model/invoice-model-texts"
import { fromMinorUnits, invoiceAmountDigits, toMinorUnits } from "../model/minor-units"
import { isoDateOf, normalizeInstant } from "../model/invoice-dates"
import { CreditExceedsInvoiceError } from "../../errors/credit-exceeds-invoice-error"
import { InvalidCreditNoteError } from "../../errors/invalid-credit-note-error"
import { splitRefundOverVat } from "./split-refund-over-vat"
import { returnedLines, type ReturnedLine } from "./returned-lines"

/**
 * What the credit note takes back: the whole invoice (a cancellation), a refunded gross amount,
 * or returned lines (each a quantity of one invoice line, at that line's price and VAT).
 */
export type CreditNoteScope =
  | { kind: "cancellation" }
  | { kind: "refund"; grossAmount: number }
  | { kind: "return"; lines: ReturnedLine[] }

export interface BuildCreditNoteInput {
  /** the issued invoice the credit note corrects, as stored */
  invoice: InvoiceModel
  creditNote: { number: string; issued_at: string | Date }
  scope: CreditNoteScope
  /** gross already credited against this invoice by earlier credit notes, in the main unit */
  alreadyCredited?: number
  /** in the invoice's language */
  texts: InvoiceModelTexts
}

const fill = (template: string, invoice: InvoiceModel) =>
  template.replace(/\{invoiceNumber\}/g, invoice.number).replace(/\{invoiceDate\}/g, invoice.issueDate)

/** The refund went back the way the customer paid; an unpaid invoice is reduced instead. */
function creditNotePayment(invoice: InvoiceModel, texts: InvoiceModelTexts): InvoicePayment {
  const none = { iban: null, accountName: null, bic: null, bankName: null, remittanceInformation: invoice.number }
  return invoice.payment.paid
    ? { ...none, meansCode: invoice.payment.meansCode, meansText: invoice.payment.meansText, paid: true, terms: texts.creditNoteRefundedTerms }
    : { ...none, meansCode: "1", meansText: null, paid: false, terms: fill(texts.creditNoteOffsetTerms, invoice) }
}

/** One line per VAT breakdown carrying its share of the refund: quantity 1, the share as its price. */
function refundLines(
  invoice: InvoiceModel,
  grossMinor: number,
  digits: number,
  texts: InvoiceModelTexts
): { lines: InvoiceLine[]; breakdown: InvoiceVatBreakdown[] } {
  const shares = splitRefundOverVat(grossMinor, invoice.vatBreakdown, digits)
  const lines = shares.map(({ breakdown, net, vat }, index): InvoiceLine => ({
    id: String(index + 1),
    kind: "item",
    name: texts.creditNoteRefundLine,
    description: null,
    sellerItemId: null,
    quantity: 1,
    unitCode: "C62",
    netUnitPrice: fromMinorUnits(net, digits),
    allowances: [],
    netAmount: fromMinorUnits(net, digits),
    vatCategory: breakdown.category,
    vatRate: breakdown.rate,
    vatAmount: fromMinorUnits(vat, digits),
    grossAmount: fromMinorUnits(net + vat, digits),
  }))
  const breakdown = shares.map(({ breakdown: entry, net, vat }) => ({
    ...entry,
    taxableAmount: fromMinorUnits(net, digits),
    vatAmount: fromMinorUnits(vat, digits),
  }))
  return { lines, breakdown }
}

/**
 * A credit note (UNTDID 1001 type 381) for an issued invoice: the same model, its own number and
 * date, the invoice it corrects (BG-3), and the amounts it takes back as positive amounts. A
 * cancellation takes back every line of the invoice; a refund one line per VAT rate, split in
 * proportion (splitRefundOverVat); a return the returned quantities of the invoice's lines
 * (returnedLines). Never more than the invoice still holds.
 */
export function buildCreditNoteModel(input: BuildCreditNoteInput): InvoiceModel {
  const { invoice, creditNote, scope, texts } = input
  const fail = (problem: string) => new InvalidCreditNoteError(invoice.number, problem)
  if (invoice.typeCode !== "380") throw fail("it is itself a credit note")
  if (!creditNote.number?.trim()) throw fail("the credit note number is empty")
  const issuedAt = normalizeInstant(creditNote.issued_at)
  if (!issuedAt) throw fail(`the issue instant ${JSON.stringify(creditNote.issued_at)} is not a date`)

  const digits = invoiceAmountDigits(invoice.currencyCode)
  const invoiceGross = toMinorUnits(invoice.totals.grossTotal, digits)
  const remaining = invoiceGross - Math.round(toMinorUnits(input.alreadyCredited ?? 0, digits))
  const returned = scope.kind === "return" ? returnedLines(invoice, scope.lines, digits, fail) : null
  const requested =
    scope.kind === "cancellation"
      ? remaining
      : returned
        ? returned.lines.reduce((sum, line) => sum + toMinorUnits(line.grossAmount, digits), 0)
        : Math.round(toMinorUnits((scope as { grossAmount: number }).grossAmount, digits))
  const shown = (minor: number) => fromMinorUnits(minor, digits).toFixed(digits)
  if (!(requested > 0)) throw fail(`nothing to credit (${shown(requested)} ${invoice.currencyCode})`)
  if (requested > remaining) throw new CreditExceedsInvoiceError(invoice.number, shown(requested), shown(remaining), invoice.currencyCode)

  // a cancellation with nothing credited yet takes back the invoice as it is, line for line
  const whole = scope.kind === "cancellation" && requested === invoiceGross
  const { lines, breakdown } = whole
    ? { lines: invoice.lines, breakdown: invoice.vatBreakdown }
    : (returned ?? refundLines(invoice, requested, digits, texts))
  const vatTotal = breakdown.reduce((sum, entry) => sum + toMinorUnits(entry.vatAmount, digits), 0)
  const netTotal = requested - vatTotal
  const gross = fromMinorUnits(requested, digits)
  const payment = creditNotePayment(invoice, texts)
  const reason = {
    cancellation: texts.creditNoteCancellationNote,
    refund: texts.creditNoteRefundNote,
    return: texts.creditNoteReturnNote,
  }[scope.kind]
  const vatNotes = invoice.notes.filter((note) => note === texts.reverseChargeNote || breakdown.some((entry) => entry.exemptionReason === note))

  return {
    ...invoice,
    number: creditNote.number,
    typeCode: "381",
    issueDate: isoDateOf(issuedAt),
    issuedAt,
    dueDate: null,
    lines,
    vatBreakdown: breakdown,
    totals: {
      lineNetTotal: fromMinorUnits(netTotal, digits),
      allowanceTotal: 0,
      chargeTotal: 0,
      netTotal: fromMinorUnits(netTotal, digits),
      vatTotal: fromMinorUnits(vatTotal, digits),
      grossTotal: gross,
      paidAmount: payment.paid ? gross : 0,
      amountDue: payment.paid ? 0 : gross,
    },
    payment,
    notes: [fill(reason, invoice), ...vatNotes],
    precedingInvoice: { number: invoice.number, issueDate: invoice.issueDate },
  }
}
