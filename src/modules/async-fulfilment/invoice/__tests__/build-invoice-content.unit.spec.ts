import { buildInvoiceContent } from "../content/build-invoice-content"
import type { InvoiceContent } from "../content/invoice-content"
import { address, invoiceIdentity, line, orderDocument, seller } from "./__fixtures__/invoice-input"

const NBSP = "\u00a0"

function totalsByKind(content: InvoiceContent): Record<string, string> {
  return Object.fromEntries(content.totals.map((total) => [total.kind, total.amount]))
}

describe("buildInvoiceContent", () => {
  it("lays out identity, dates, parties, rows and totals in EUR", () => {
    const content = buildInvoiceContent({ order: orderDocument(2), invoice: invoiceIdentity, seller })

    expect(content).toMatchObject({
      title: "Invoice",
      invoiceNumber: "INV-2024-000123",
      issueDate: "2024-05-07",
      orderDate: "2024-05-06",
      orderDisplayId: "#1042",
      currencyCode: "EUR",
      locale: "en",
    })
    expect(content.issuedAt).toEqual(new Date("2024-05-07T08:00:00.000Z"))
    expect(content.seller).toEqual([
      "Acme Ceramics Sp. z o.o.",
      "ul. Fabryczna 1",
      "00-001 Warszawa",
      "PL",
      "VAT ID: PL1234567890",
    ])
    expect(content.buyer).toEqual(["Anna Kowalska", "ul. Długa 5", "31-147 Kraków", "PL", "anna@example.com"])
    expect(content.shipTo).toEqual([])
    expect(content.rows).toEqual([
      {
        kind: "item",
        description: "Ceramic mug 1 – Blue / 350 ml",
        quantity: "2",
        unitPrice: "€10.00",
        taxRate: "23%",
        taxAmount: "€4.60",
        total: "€24.60",
      },
      expect.objectContaining({ kind: "item", description: "Ceramic mug 2 – Blue / 350 ml" }),
      {
        kind: "shipping",
        description: "Standard delivery",
        quantity: "1",
        unitPrice: "€5.00",
        taxRate: "23%",
        taxAmount: "€1.15",
        total: "€6.15",
      },
    ])
    expect(content.totals.map((total) => total.label)).toEqual(["Subtotal", "Shipping", "Tax", "Total"])
    expect(totalsByKind(content)).toEqual({
      subtotal: "€40.00",
      shipping: "€5.00",
      tax: "€10.35",
      total: "€55.35",
    })
  })

  it("formats PLN amounts and rates for the Polish locale", () => {
    const order = orderDocument(1, { currency_code: "pln" })
    order.items[0] = line(1, { unit_price: 1234.5, tax_rate: 8.5, tax_total: 104.93, total: 1339.43 })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller, locale: "pl" })

    expect(content.currencyCode).toBe("PLN")
    expect(content.rows[0]).toMatchObject({
      unitPrice: `1234,50${NBSP}zł`,
      taxRate: "8,5%",
      taxAmount: `104,93${NBSP}zł`,
      total: `1339,43${NBSP}zł`,
    })
    expect(totalsByKind(content).total).toBe(`30,75${NBSP}zł`)
  })

  it("formats PLN in English with the currency code", () => {
    const content = buildInvoiceContent({ order: orderDocument(1, { currency_code: "pln" }), invoice: invoiceIdentity, seller })
    expect(totalsByKind(content).total).toBe(`PLN${NBSP}30.75`)
  })

  it("shows the discount row, negative, only when the discount is above zero", () => {
    const base = orderDocument(1)
    const withDiscount = buildInvoiceContent({
      order: { ...base, totals: { ...base.totals, discount_total: 5 } },
      invoice: invoiceIdentity,
      seller,
    })
    expect(withDiscount.totals.map((total) => total.kind)).toEqual(["subtotal", "shipping", "discount", "tax", "total"])
    expect(totalsByKind(withDiscount).discount).toBe("-€5.00")

    const noDiscount = buildInvoiceContent({ order: base, invoice: invoiceIdentity, seller })
    expect(noDiscount.totals.some((total) => total.kind === "discount")).toBe(false)

    const roundsToZero = buildInvoiceContent({
      order: { ...base, totals: { ...base.totals, discount_total: 0.004 } },
      invoice: invoiceIdentity,
      seller,
    })
    expect(roundsToZero.totals.some((total) => total.kind === "discount")).toBe(false)
  })

  it("falls back to the shipping address for the buyer when there is no billing address", () => {
    const order = orderDocument(1, {
      billing_address: null,
      shipping_address: address({ first_name: "Jan", last_name: "Nowak", company: "Nowak Sp. j.", city: "Gdańsk" }),
    })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller })

    expect(content.buyer).toEqual(["Jan Nowak", "Nowak Sp. j.", "ul. Długa 5", "31-147 Gdańsk", "PL", "anna@example.com"])
    expect(content.shipTo).toEqual([])
  })

  it("adds a ship-to block when the shipping address differs from the billing address", () => {
    const order = orderDocument(1, { shipping_address: address({ address_1: "ul. Krótka 9", address_2: "lok. 3" }) })
    const content = buildInvoiceContent({ order, invoice: invoiceIdentity, seller })

    expect(content.buyer[1]).toBe("ul. Długa 5")
    expect(content.shipTo).toEqual(["Anna Kowalska", "ul. Krótka 9", "lok. 3", "31-147 Kraków", "PL"])
  })

  it("never prints null or undefined, whatever is missing", () => {
    const blank = address({
      first_name: null,
      last_name: null,
      address_1: null,
      city: null,
      postal_code: null,
      country_code: null,
    })
    const order = orderDocument(1, {
      email: null,
      customer: null,
      billing_address: blank,
      shipping_address: address({ last_name: null, postal_code: null, province: null }),
    })
    order.items[0] = line(1, { subtitle: null, tax_rate: null })
    const content = buildInvoiceContent({
      order,
      invoice: invoiceIdentity,
      seller: { name: "Acme", address: "" },
    })
    const json = JSON.stringify(content)

    expect(json).not.toMatch(/null|undefined|NaN/)
    expect(content.seller).toEqual(["Acme"])
    expect(content.buyer).toEqual(["Anna", "ul. Długa 5", "Kraków", "PL"])
    expect(content.rows[0]).toMatchObject({ description: "Ceramic mug 1", taxRate: "—" })
  })

  it("rejects an order without items", () => {
    expect(() =>
      buildInvoiceContent({ order: orderDocument(0), invoice: invoiceIdentity, seller })
    ).toThrow("Cannot build invoice INV-2024-000123 for order order_01TEST: the order has no items")
  })

  it.each(["euro", "", "e1r"])("rejects the currency code %j", (currencyCode) => {
    expect(() =>
      buildInvoiceContent({ order: orderDocument(1, { currency_code: currencyCode }), invoice: invoiceIdentity, seller })
    ).toThrow(/is not a 3-letter ISO 4217 code/)
  })

  it("rejects a malformed locale before formatting anything", () => {
    expect(() =>
      buildInvoiceContent({ order: orderDocument(1), invoice: invoiceIdentity, seller, locale: "en_US!" })
    ).toThrow('Cannot build invoice INV-2024-000123 for order order_01TEST: locale "en_US!" is not a valid BCP 47 language tag')
  })

  it("rejects an issue date that is not a date", () => {
    expect(() =>
      buildInvoiceContent({ order: orderDocument(1), invoice: { number: "INV-1", issued_at: "soon" }, seller })
    ).toThrow('Invoice INV-1: issued_at is not a valid ISO 8601 date: "soon"')
  })

  it("takes the calendar date in the offset the timestamp was written with", () => {
    const content = buildInvoiceContent({
      order: orderDocument(1, { placed_at: "2024-03-01T00:30:00+01:00" }),
      invoice: { number: "INV-1", issued_at: "2024-03-01T00:45:00+01:00" },
      seller,
    })
    expect([content.orderDate, content.issueDate]).toEqual(["2024-03-01", "2024-03-01"])
  })
})
