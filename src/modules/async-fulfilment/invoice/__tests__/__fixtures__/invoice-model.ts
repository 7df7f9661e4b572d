import type { InvoiceLine, InvoiceModel } from "../../model/invoice-model"

/**
 * Invoice models written by hand (every amount worked out on paper, as the model builder must):
 * a Polish B2B invoice at 23 % and 8 % with NIPs and a bank account, and a paid 60-line one.
 */

const seller: InvoiceModel["seller"] = {
  name: "Acme Ceramika Sp. z o.o.",
  contactName: null,
  vatId: "PL5252248481",
  registration: "KRS 0000123456, Sąd Rejonowy dla m.st. Warszawy",
  address: { lines: ["ul. Fabryczna 1"], city: "Warszawa", postalCode: "00-001", subdivision: null, countryCode: "PL" },
  email: "faktury@acme-ceramika.example",
  phone: "+48 22 123 45 67",
}

const buyer: InvoiceModel["buyer"] = {
  name: "Nowak Meble Sp. z o.o.",
  contactName: "Jan Nowak",
  vatId: "PL6772477900",
  registration: null,
  address: { lines: ["ul. Długa 5", "lok. 3"], city: "Kraków", postalCode: "31-147", subdivision: null, countryCode: "PL" },
  email: "zakupy@nowak-meble.example",
  phone: null,
}

function line(overrides: Partial<InvoiceLine> & Pick<InvoiceLine, "id" | "name">): InvoiceLine {
  return {
    kind: "item",
    description: null,
    sellerItemId: null,
    quantity: 1,
    unitCode: "H87",
    netUnitPrice: 10,
    allowances: [],
    netAmount: 10,
    vatCategory: "S",
    vatRate: 23,
    vatAmount: 2.3,
    grossAmount: 12.3,
    ...overrides,
  }
}

/**
 * 23 %: 292.68 + 20.00 = 312.68 net, 67.32 + 4.60 = 71.92 VAT; 8 %: 81.00 + 30.00 = 111.00 net,
 * 6.48 + 2.40 = 8.88 VAT. Net 423.68 + VAT 80.80 = gross 504.48, unpaid, due on 16 March.
 */
export function polishB2bInvoiceModel(overrides: Partial<InvoiceModel> = {}): InvoiceModel {
  return {
    number: "FV/2026/000123",
    typeCode: "380",
    issueDate: "2026-03-02",
    issuedAt: "2026-03-02T09:15:00.000Z",
    deliveryDate: "2026-02-27",
    dueDate: "2026-03-16",
    currencyCode: "PLN",
    language: "pl",
    buyerReference: null,
    orderReference: "#1042",
    orderId: "order_01JTESTB2B",
    seller,
    buyer,
    deliverTo: {
      name: "Nowak Meble – magazyn",
      lines: ["ul. Składowa 12"],
      city: "Łódź",
      postalCode: "90-001",
      subdivision: null,
      countryCode: "PL",
    },
    lines: [
      line({
        id: "1",
        name: "Kubek ceramiczny",
        description: "Niebieski / 350 ml",
        sellerItemId: "MUG-350-BLUE",
        quantity: 12,
        netUnitPrice: 24.39,
        netAmount: 292.68,
        vatAmount: 67.32,
        grossAmount: 360,
      }),
      line({
        id: "2",
        name: "Album „Ceramika polska”",
        sellerItemId: "BOOK-CP",
        quantity: 2,
        netUnitPrice: 45,
        allowances: [{ amount: 9, reason: "Promocja wiosenna" }],
        netAmount: 81,
        vatRate: 8,
        vatAmount: 6.48,
        grossAmount: 87.48,
      }),
      line({ id: "3", name: "Poradnik garncarza", netUnitPrice: 30, netAmount: 30, vatRate: 8, vatAmount: 2.4, grossAmount: 32.4 }),
      line({
        id: "4",
        kind: "shipping",
        name: "Kurier DPD",
        unitCode: "E48",
        netUnitPrice: 20,
        netAmount: 20,
        vatAmount: 4.6,
        grossAmount: 24.6,
      }),
    ],
    vatBreakdown: [
      { category: "S", rate: 23, taxableAmount: 312.68, vatAmount: 71.92, exemptionReason: null, exemptionReasonCode: null },
      { category: "S", rate: 8, taxableAmount: 111, vatAmount: 8.88, exemptionReason: null, exemptionReasonCode: null },
    ],
    totals: {
      lineNetTotal: 423.68,
      allowanceTotal: 0,
      chargeTotal: 0,
      netTotal: 423.68,
      vatTotal: 80.8,
      grossTotal: 504.48,
      paidAmount: 0,
      amountDue: 504.48,
    },
    payment: {
      meansCode: "30",
      meansText: "Przelew",
      remittanceInformation: "FV/2026/000123",
      iban: "PL61109010140000071219812874",
      accountName: seller.name,
      bic: "WBKPPLPP",
      bankName: "Santander Bank Polska",
      paid: false,
      terms: "Płatne w ciągu 14 dni, do 16 marca 2026",
    },
    notes: [],
    precedingInvoice: null,
    ...overrides,
  }
}

/** 60 lines of 10.00 net at 23 %: net 600.00 + VAT 138.00 = gross 738.00, paid in full. */
export function sixtyLineInvoiceModel(): InvoiceModel {
  const lines = Array.from({ length: 60 }, (_, index) =>
    line({ id: String(index + 1), name: `Płytka ceramiczna wzór ${index + 1}`, sellerItemId: `TILE-${index + 1}` })
  )
  return polishB2bInvoiceModel({
    number: "FV/2026/000124",
    orderReference: "#1043",
    dueDate: null,
    deliverTo: null,
    lines,
    vatBreakdown: [
      { category: "S", rate: 23, taxableAmount: 600, vatAmount: 138, exemptionReason: null, exemptionReasonCode: null },
    ],
    totals: {
      lineNetTotal: 600,
      allowanceTotal: 0,
      chargeTotal: 0,
      netTotal: 600,
      vatTotal: 138,
      grossTotal: 738,
      paidAmount: 738,
      amountDue: 0,
    },
    payment: { ...polishB2bInvoiceModel().payment, meansCode: "48", meansText: "Karta płatnicza", paid: true, terms: "Zapłacono" },
  })
}
