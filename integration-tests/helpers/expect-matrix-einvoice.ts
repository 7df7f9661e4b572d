import type { OrderDocument } from "../../src/modules/async-fulfilment/types/order-document"
import type { MatrixCase } from "./einvoice-matrix-cases"
import type { CiiSummary } from "./read-cii-summary"

/** the reconciled breakdown may move a rounding cent between rates; no more */
const CENT = 0.01 + 1e-9

const toCents = (amount: number) => Math.round(amount * 100) / 100
const compact = (text: string) => text.replace(/[\s.\-]/g, "").toUpperCase()

/** "DE 136 695 976" → "DE136695976"; a Polish NIP typed without its prefix gets the buyer country's. */
function normalizedVatId(matrixCase: MatrixCase): string {
  const raw = compact(matrixCase.buyerVatId!.value)
  return /^[A-Z]{2}/.test(raw) ? raw : `${matrixCase.shopper.address.country_code.toUpperCase()}${raw}`
}

/** UNTDID 5305 category the plugin must give a rate of the case (null: untaxed B2B across a border). */
const categoryOf = (rate: number | null) => (rate === null ? "AE" : rate === 0 ? "E" : "S")

/** Per VAT rate, the net base and the VAT of the order's lines, from Medusa's unrounded numbers. */
function medusaVatByRate(doc: OrderDocument): Map<number, { basis: number; vat: number }> {
  const byRate = new Map<number, { basis: number; vat: number }>()
  for (const line of [...doc.items, ...doc.shipping_methods]) {
    const entry = byRate.get(line.tax_rate ?? 0) ?? { basis: 0, vat: 0 }
    entry.basis += line.total - line.tax_total
    entry.vat += line.tax_total
    byRate.set(line.tax_rate ?? 0, entry)
  }
  return byRate
}

/** The CII's VAT breakdown, gross total and buyer VAT ID against the order Medusa recorded. */
export function expectCiiMatchesOrder(matrixCase: MatrixCase, doc: OrderDocument, cii: CiiSummary) {
  expect(cii.grandTotal).toBe(toCents(doc.totals.total).toFixed(2))

  const expected = medusaVatByRate(doc)
  expect(cii.vatBreakdown.map((entry) => entry.rate).sort()).toEqual([...expected.keys()].sort())
  for (const entry of cii.vatBreakdown) {
    const medusa = expected.get(entry.rate)!
    const withinACent = { basis: Math.abs(entry.basis - medusa.basis) <= CENT, vat: Math.abs(entry.vat - medusa.vat) <= CENT }
    expect({ entry, medusa, withinACent }).toEqual({ entry, medusa, withinACent: { basis: true, vat: true } })
  }
  const rates = [...Object.values(matrixCase.ratesBySku), matrixCase.shippingRate]
  expect(new Set(cii.vatBreakdown.map((entry) => entry.category))).toEqual(new Set(rates.map(categoryOf)))

  expect(cii.buyerVatId).toBe(matrixCase.buyerVatId ? normalizedVatId(matrixCase) : null)
  if (matrixCase.exemption) {
    expect(cii.vatBreakdown.find((entry) => entry.category === "E")?.exemptionReason).toContain(matrixCase.exemption.reason)
  }
}

/** An amount as an invoice in en, pl, de or fr prints it (spaces plain, as readPdfText gives them). */
function spellings(amount: number): string[] {
  return ["en", "pl", "de", "fr"].map((locale) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      .format(amount)
      .replace(/\u00a0|\u202f/g, " ")
  )
}

/** The PDF's text shows the buyer VAT ID, each rate's base and VAT, the exemption reason and the gross total. */
export function expectPdfTextShows(matrixCase: MatrixCase, text: string, cii: CiiSummary) {
  const flat = text.replace(/\s+/g, " ")
  const expectShown = (what: string, amount: number) =>
    expect({ what, amount, shownAs: spellings(amount).find((spelling) => flat.includes(spelling)) ?? null }).toEqual({
      what,
      amount,
      shownAs: expect.any(String),
    })

  expectShown("gross total", Number(cii.grandTotal))
  for (const entry of cii.vatBreakdown) {
    expectShown(`${entry.category} ${entry.rate} % taxable amount`, entry.basis)
    expectShown(`${entry.category} ${entry.rate} % VAT`, entry.vat)
  }
  if (matrixCase.buyerVatId) {
    // printed as typed or normalised, the digits are the same
    expect(compact(text)).toContain(normalizedVatId(matrixCase).slice(2))
  }
  if (matrixCase.exemption) {
    expect(flat).toContain(matrixCase.exemption.reason)
  }
}
