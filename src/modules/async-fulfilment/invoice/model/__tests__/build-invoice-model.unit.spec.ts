import { makeOrderDocument } from "../../../__tests__/__fixtures__/order-document"
import { medusaOrderDocument, OrderSpec } from "../../__tests__/__fixtures__/medusa-order"
import { modelOf } from "../../__tests__/__fixtures__/build-model"
import { sellerOptions } from "../../__tests__/__fixtures__/seller-options"
import { PermanentSideEffectError } from "../../../errors/permanent-side-effect-error"
import { InvalidInvoiceDataError } from "../../../errors/invalid-invoice-data-error"
import { OrderTotalMismatchError } from "../../../errors/order-total-mismatch-error"
import { ReverseChargeVatIdMissingError } from "../../../errors/reverse-charge-vat-id-missing-error"

const polishConsumer = { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" }
const germanCompany = { company: "Holzwerk GmbH", first_name: "Jonas", last_name: "Weber", address_1: "Hauptstraße 7", city: "Berlin", postal_code: "10115", country_code: "de" }
const vat23 = [{ rate: 23, code: "pl-vat", name: "VAT 23%" }]

const order = (spec: Partial<OrderSpec> = {}) =>
  medusaOrderDocument({
    currency: "pln",
    items: [{ title: "Standing desk", subtitle: "Oak", sku: "DESK-OAK", unit_price: 2790, quantity: 1, tax: vat23 }],
    shipping: [{ name: "Courier", amount: 19.99, tax: vat23 }],
    billing: polishConsumer,
    ...spec,
  })

describe("buildInvoiceModel", () => {
  it("turns a B2C order into lines, a VAT breakdown and totals that add up to the order's total", () => {
    const document = order()
    const model = modelOf(document)
    expect(model).toMatchObject({
      number: "FV/2026/000042",
      typeCode: "380",
      issueDate: "2026-11-21",
      deliveryDate: "2026-11-20",
      currencyCode: "PLN",
      profile: "en16931",
      orderReference: "#1001",
      buyer: { name: "Anna Nowak", contactName: null, vatId: null, address: { lines: ["ul. Długa 12/3"], city: "Kraków", countryCode: "PL" } },
      seller: { name: "Meble Kowalski Sp. z o.o.", vatId: "PL5250000000", address: { countryCode: "PL" } },
      deliverTo: null,
      notes: [],
    })
    expect(model.lines.map(({ id, kind, name, quantity, unitCode, netUnitPrice, netAmount, vatCategory, vatRate, vatAmount, grossAmount }) => ({
      id, kind, name, quantity, unitCode, netUnitPrice, netAmount, vatCategory, vatRate, vatAmount, grossAmount,
    }))).toEqual([
      { id: "1", kind: "item", name: "Standing desk", quantity: 1, unitCode: "H87", netUnitPrice: 2790, netAmount: 2790, vatCategory: "S", vatRate: 23, vatAmount: 641.7, grossAmount: 3431.7 },
      { id: "2", kind: "shipping", name: "Courier", quantity: 1, unitCode: "E48", netUnitPrice: 19.99, netAmount: 19.99, vatCategory: "S", vatRate: 23, vatAmount: 4.6, grossAmount: 24.59 },
    ])
    expect(model.vatBreakdown).toEqual([
      { category: "S", rate: 23, taxableAmount: 2809.99, vatAmount: 646.3, exemptionReason: null, exemptionReasonCode: null },
    ])
    expect(document.totals.total).toBeCloseTo(3456.2877, 6)
    expect(model.totals).toEqual({
      lineNetTotal: 2809.99, allowanceTotal: 0, chargeTotal: 0, netTotal: 2809.99, vatTotal: 646.3, grossTotal: 3456.29, paidAmount: 3456.29, amountDue: 0,
    })
  })

  it("marks an authorised or captured payment as paid, with no due date", () => {
    for (const payment of ["authorized", "completed"] as const) {
      const model = modelOf(order({ payment }))
      expect(model.dueDate).toBeNull()
      expect(model.payment).toMatchObject({ paid: true, meansCode: "68", meansText: "Paid online", terms: "Paid", iban: null, remittanceInformation: null })
      expect(model.totals).toMatchObject({ paidAmount: model.totals.grossTotal, amountDue: 0 })
    }
  })

  it("gives an unpaid order a due date and the seller's bank account for a transfer", () => {
    const model = modelOf(order({ payment: "not_paid" }), { paymentTermsDays: 30 })
    expect(model.dueDate).toBe("2026-12-21")
    expect(model.payment).toEqual({
      meansCode: "30", meansText: "Bank transfer", remittanceInformation: "FV/2026/000042",
      iban: "PL61109010140000071219812874", accountName: "Meble Kowalski Sp. z o.o.", bic: "WBKPPLPP", bankName: "Santander Bank Polska",
      paid: false, terms: "Payable within 30 days, by 2026-12-21",
    })
    expect(model.totals).toMatchObject({ paidAmount: 0, amountDue: model.totals.grossTotal })
    expect(modelOf(order({ currency: "eur", payment: "awaiting" })).payment.meansCode).toBe("58")
    const noAccount = modelOf(order({ payment: "partially_authorized" }), { seller: sellerOptions({ bankAccount: undefined }) })
    expect(noAccount.payment).toMatchObject({ meansCode: "1", iban: null, paid: false })
    expect(noAccount.dueDate).toBe("2026-12-05")
  })

  it("reads the buyer's VAT ID from the order, then the billing address, then the customer", () => {
    const everywhere = {
      metadata: { vat_id: "PL1111111111" },
      billing: { ...polishConsumer, company: "Nowak Meble Sp. z o.o.", metadata: { vat_id: "PL2222222222" } },
      customer: { company_name: "Nowak Meble", metadata: { vat_id: "PL3333333333" } },
    }
    expect(modelOf(order(everywhere)).buyer.vatId).toBe("PL1111111111")
    expect(modelOf(order({ ...everywhere, metadata: {} })).buyer.vatId).toBe("PL2222222222")
    expect(modelOf(order({ ...everywhere, metadata: {}, billing: polishConsumer })).buyer.vatId).toBe("PL3333333333")
    expect(modelOf(order({ metadata: { nip: "526-104-08-28" } }), { buyerTaxIdKey: "nip" }).buyer.vatId).toBe("PL5261040828")
    expect(modelOf(order({ metadata: { nip: 5261040828 } }), { buyerTaxIdKey: "nip" }).buyer.vatId).toBe("PL5261040828")
  })

  it("names the company as buyer and the person as its contact", () => {
    const model = modelOf(order({ billing: { ...polishConsumer, company: "Nowak Meble Sp. z o.o.", phone: "+48 600 000 000" } }))
    expect(model.buyer).toMatchObject({ name: "Nowak Meble Sp. z o.o.", contactName: "Anna Nowak", phone: "+48 600 000 000", email: "buyer@example.com" })
  })

  it("sets the deliver-to address only when it is not the buyer's", () => {
    const model = modelOf(order({ shippingAddress: { ...polishConsumer, first_name: "Jan", address_1: "ul. Krótka 1", city: "Wieliczka" } }))
    expect(model.deliverTo).toEqual({ name: "Jan Nowak", lines: ["ul. Krótka 1"], city: "Wieliczka", postalCode: "31-147", subdivision: null, countryCode: "PL" })
  })

  it("makes an untaxed intra-EU B2B order reverse charge, with its note and reason", () => {
    const model = modelOf(
      order({ currency: "eur", items: [{ title: "Desk", unit_price: 650, quantity: 2 }], shipping: [{ name: "Spedition", amount: 49 }], billing: germanCompany, metadata: { vat_id: "DE 123 456 789" } })
    )
    expect(model.buyer.vatId).toBe("DE123456789")
    expect(model.lines.map((line) => [line.vatCategory, line.vatRate, line.vatAmount])).toEqual([["AE", 0, 0], ["AE", 0, 0]])
    expect(model.vatBreakdown).toEqual([
      { category: "AE", rate: 0, taxableAmount: 1349, vatAmount: 0, exemptionReason: "Reverse charge", exemptionReasonCode: "VATEX-EU-AE" },
    ])
    expect(model.notes).toEqual(["Reverse charge: the buyer accounts for the VAT (Article 196 of Council Directive 2006/112/EC)"])
    expect(model.totals).toMatchObject({ netTotal: 1349, vatTotal: 0, grossTotal: 1349 })
  })

  it("refuses a reverse-charge invoice without the buyer's VAT ID, naming where it is read", () => {
    const build = () => modelOf(order({ currency: "eur", items: [{ title: "Desk", unit_price: 650, quantity: 1 }], billing: germanCompany }), { buyerTaxIdKey: "ust_id" })
    expect(build).toThrow(ReverseChargeVatIdMissingError)
    expect(build).toThrow(PermanentSideEffectError)
    expect(build).toThrow(`the buyer's VAT ID is missing: set the buyer's VAT ID under metadata key "ust_id" on the order, its billing address or the customer`)
  })

  it("refuses a reverse-charge invoice without the seller's VAT ID", () => {
    const seller = { ...sellerOptions(), vatId: "" }
    const build = () => modelOf(order({ currency: "eur", items: [{ title: "Desk", unit_price: 650, quantity: 1 }], billing: germanCompany, metadata: { vat_id: "DE123456789" } }), { seller })
    expect(build).toThrow("the seller's VAT ID is missing: set invoice.seller.vatId")
  })

  it("classifies 0 % to a buyer outside the EU as export, other 0 % as exempt with the tax rate's name", () => {
    const swiss = modelOf(order({ currency: "eur", items: [{ title: "Desk", unit_price: 650, quantity: 1, tax: [{ rate: 0, name: "Export" }] }], shipping: [], billing: { ...germanCompany, country_code: "ch", company: "Holz AG" } }))
    expect(swiss.vatBreakdown).toEqual([{ category: "G", rate: 0, taxableAmount: 650, vatAmount: 0, exemptionReason: "Export outside the EU", exemptionReasonCode: "VATEX-EU-G" }])
    expect(swiss.notes).toEqual(["Export outside the EU"])

    const exemptReason = "Zwolnione z VAT (art. 43 ust. 1 pkt 18 ustawy o VAT)"
    const mixed = modelOf(order({ items: [
      { title: "Massage chair", unit_price: 1000, quantity: 1, tax: vat23 },
      { title: "Physiotherapy session", unit_price: 150, quantity: 2, tax: [{ rate: 0, code: "pl-zw", name: exemptReason }] },
      { title: "Voucher", unit_price: 50, quantity: 1 },
    ] }))
    expect(mixed.vatBreakdown.map((entry) => [entry.category, entry.rate, entry.taxableAmount, entry.vatAmount, entry.exemptionReason])).toEqual([
      ["S", 23, 1019.99, 234.6, null],
      ["E", 0, 350, 0, `${exemptReason}; Exempt from VAT`],
    ])
    expect(mixed.notes).toEqual([`${exemptReason}; Exempt from VAT`])
  })

  it("gives each promotion its own line allowance, and shows shipping made free by a promotion", () => {
    const model = modelOf(order({
      items: [{ title: "Desk", unit_price: 2790, quantity: 1, tax: vat23, adjustments: [{ amount: 100, code: "WIOSNA" }, { amount: 40, code: "NEWSLETTER" }] }],
      shipping: [{ name: "Courier", amount: 19.99, tax: vat23, adjustments: [{ amount: 19.99, code: "FREESHIP" }] }],
    }))
    expect(model.lines[0]).toMatchObject({ netUnitPrice: 2790, netAmount: 2650, vatAmount: 609.5 })
    expect(model.lines[0].allowances).toEqual([
      { amount: 100, reason: "Discount (WIOSNA)", reasonCode: "95" },
      { amount: 40, reason: "Discount (NEWSLETTER)", reasonCode: "95" },
    ])
    expect(model.lines[1]).toMatchObject({ kind: "shipping", netUnitPrice: 19.99, netAmount: 0, vatAmount: 0, allowances: [{ amount: 19.99, reason: "Discount (FREESHIP)" }] })
  })

  it("prints no line for a shipping method that costs nothing", () => {
    const model = modelOf(order({ shipping: [{ name: "Pickup in store", amount: 0 }] }))
    expect(model.lines.map((line) => line.kind)).toEqual(["item"])
    expect(model.vatBreakdown.map((entry) => entry.category)).toEqual(["S"])
  })

  it("uses the shipping text when a method has no name", () => {
    const document = order()
    document.shipping_methods[0].name = " "
    expect(modelOf(document).lines[1].name).toBe("Shipping")
  })

  it("follows the xrechnung profile: buyer reference n/a or from the order, seller contact required", () => {
    expect(modelOf(order(), { profile: "xrechnung" })).toMatchObject({ profile: "xrechnung", buyerReference: "n/a" })
    expect(modelOf(order({ metadata: { buyer_reference: "04011000-12345-34" } }), { profile: "xrechnung" }).buyerReference).toBe("04011000-12345-34")
    expect(modelOf(order()).buyerReference).toBeNull()
    const build = () => modelOf(order(), { profile: "xrechnung", seller: sellerOptions({ phone: undefined }) })
    expect(build).toThrow(InvalidInvoiceDataError)
    expect(build).toThrow("XRechnung needs the seller contact (BR-DE-2): set invoice.seller.email and invoice.seller.phone")
  })

  it("makes a credit note that refers to the invoice it corrects", () => {
    const model = modelOf(order(), { invoice: { typeCode: "381", precedingInvoice: { number: "FV/2026/000041", issueDate: "2026-11-02" } } })
    expect(model).toMatchObject({ typeCode: "381", precedingInvoice: { number: "FV/2026/000041", issueDate: "2026-11-02" } })
  })

  it("builds from a document stored before the invoice fields existed", () => {
    const model = modelOf(makeOrderDocument(), { seller: sellerOptions({ bankAccount: undefined }) })
    expect(model.lines.map((line) => [line.vatCategory, line.vatRate, line.netAmount, line.vatAmount])).toEqual([
      ["S", 2.4, 12.5, 0.3],
      ["G", 0, 4.9, 0],
    ])
    expect(model.totals).toMatchObject({ netTotal: 17.4, vatTotal: 0.3, grossTotal: 17.7, amountDue: 17.7 })
    expect(model.payment.paid).toBe(false)
  })

  it("handles a currency without minor units", () => {
    const model = modelOf(order({ currency: "jpy", items: [{ title: "Tea", unit_price: 1234, quantity: 3, tax: [{ rate: 10 }] }], shipping: [] }))
    expect(model.lines[0]).toMatchObject({ netAmount: 3702, vatAmount: 370, netUnitPrice: 1234 })
    expect(model.totals.grossTotal).toBe(4072)
  })

  it("is a pure function of its input", () => {
    const document = order({ payment: "not_paid" })
    expect(JSON.stringify(modelOf(document))).toBe(JSON.stringify(modelOf(JSON.parse(JSON.stringify(document)))))
  })

  it("refuses an order whose total is not the sum of its lines", () => {
    const document = order()
    document.totals.total -= 50 // store credit, a gift card…
    expect(() => modelOf(document)).toThrow(OrderTotalMismatchError)
    expect(() => modelOf(document)).toThrow("Order order_1001: its total 3406.29 PLN is not the sum of its lines (3456.29); credit lines and gift cards cannot be invoiced yet")
  })

  it.each([
    ["no items", (d: any) => (d.items = []), "Cannot build the invoice of order order_1001: the order has no items"],
    [
      "no buyer country",
      (d: any) => {
        d.billing_address.country_code = null
        d.shipping_address.country_code = null
      },
      "no billing or shipping address with a country",
    ],
    ["a bad currency", (d: any) => (d.currency_code = "zloty"), 'currency code "zloty"'],
  ])("names what is wrong for an order with %s", (_case, spoil, expected) => {
    const document = order()
    spoil(document)
    expect(() => modelOf(document)).toThrow(expected)
  })

  it("names an empty invoice number and an issue date that is not one", () => {
    expect(() => modelOf(order(), { invoice: { number: " " } })).toThrow("the invoice number is empty")
    expect(() => modelOf(order(), { invoice: { issued_at: "yesterday" } })).toThrow('the issue instant "yesterday" is not a date')
  })
})
