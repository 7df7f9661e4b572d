import { buildErpDocument } from "../build-erp-document"
import { medusaOrderDocument } from "../../invoice/__tests__/__fixtures__/medusa-order"
import { modelOf } from "../../invoice/__tests__/__fixtures__/build-model"

const cents = (decimal: string) => Math.round(Number(decimal) * 100)

const mixedRates = medusaOrderDocument({
  currency: "pln",
  items: [
    { title: "Desk", unit_price: 33.33, quantity: 3, tax: [{ rate: 23 }] },
    { title: "Book", unit_price: 7.99, quantity: 7, tax: [{ rate: 5 }] },
    { title: "Lamp", unit_price: 0.99, quantity: 7, tax: [{ rate: 8 }] },
  ],
  shipping: [{ name: "Courier", amount: 19.99, tax: [{ rate: 23 }] }],
  billing: { company: "Nowak Meble Sp. z o.o.", city: "Łódź", address_1: "ul. Piotrkowska 1", postal_code: "90-001", country_code: "pl" },
})

describe("the ERP document's invoice block", () => {
  it("states the issued invoice: number, dates, VAT per rate and totals that add up to the order's total", () => {
    const model = modelOf(mixedRates)
    const { invoice, totals } = buildErpDocument(mixedRates, { invoice: model })

    expect(invoice).toMatchObject({
      number: model.number,
      type_code: "380",
      issue_date: model.issueDate,
      delivery_date: model.deliveryDate,
      paid: true,
      due_date: null,
    })
    expect(invoice!.vat_breakdown.map((entry) => [entry.category, entry.rate]).sort()).toEqual([
      ["S", 23],
      ["S", 5],
      ["S", 8],
    ])
    const taxable = invoice!.vat_breakdown.reduce((sum, entry) => sum + cents(entry.taxable_amount), 0)
    const vat = invoice!.vat_breakdown.reduce((sum, entry) => sum + cents(entry.vat_amount), 0)
    expect(taxable).toBe(cents(invoice!.totals.net_total))
    expect(vat).toBe(cents(invoice!.totals.vat_total))
    expect(cents(invoice!.totals.net_total) + cents(invoice!.totals.vat_total)).toBe(cents(invoice!.totals.gross_total))
    expect(invoice!.totals.gross_total).toBe(totals.total)
    expect(invoice!.totals.amount_due).toBe("0.00")
  })

  it("is null when the order goes without an invoice", () => {
    expect(buildErpDocument(mixedRates).invoice).toBeNull()
    expect(buildErpDocument(mixedRates, { invoice: null }).invoice).toBeNull()
  })
})
