import type { OrderDocument } from "../../../types/order-document"
import type { ModelFixtureOptions } from "./build-model"
import { medusaOrderDocument, OrderSpec } from "./medusa-order"
import { randomOrder } from "./random-orders"
import { sellerOptions } from "./seller-options"
import storeOrder from "./medusa-2.21-store-order.json"

/** One case of issue #13's test matrix: an order document and how its invoice is issued. */
export interface EInvoiceCase {
  name: string
  order: OrderDocument
  options?: ModelFixtureOptions
}

const vat = (rate: number, name = `VAT ${rate}%`) => [{ rate, code: `vat-${rate}`, name }]
const polishConsumer = { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl", phone: "+48 600 000 000" }
const polishCompany = { ...polishConsumer, company: "Nowak Meble Sp. z o.o.", address_1: "ul. Fabryczna 8", city: "Poznań", postal_code: "61-001" }
const germanConsumer = { first_name: "Eva", last_name: "Schmidt", address_1: "Hauptstraße 7", city: "Berlin", postal_code: "10115", country_code: "de" }
const germanCompany = { ...germanConsumer, company: "Holzwerk Weber GmbH", first_name: "Jonas", last_name: "Weber", address_1: "Industriestraße 12", city: "Hamburg", postal_code: "20095" }
const courier = (rate = 23, amount = 19.99) => ({ name: "Kurier InPost", amount, tax: vat(rate) })

const order = (spec: OrderSpec) => medusaOrderDocument(spec)

const germanSeller = sellerOptions({
  name: "Möbelhaus Schröder GmbH",
  vatId: "DE123456789",
  address: { line1: "Königsallee 1", city: "Düsseldorf", postalCode: "40212", countryCode: "DE" },
  registration: "Amtsgericht Düsseldorf HRB 12345, Geschäftsführer: Jörg Schröder",
  email: "rechnung@moebelhaus-schroeder.example",
  phone: "+49 211 1234567",
  bankAccount: { iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", bankName: "Commerzbank" },
})

const sixtyItems = Array.from({ length: 60 }, (_, index) => ({
  title: `Element regału ${index + 1}`,
  sku: `SHELF-${String(index + 1).padStart(3, "0")}`,
  unit_price: Number((3.99 + ((index * 37.13) % 420)).toFixed(2)),
  quantity: 1 + (index % 7),
  tax: vat([23, 8, 5][index % 3]),
  taxInclusive: true,
}))

/** The matrix of issue #13, each case an order document as the plugin stores it. */
export const EINVOICE_MATRIX: EInvoiceCase[] = [
  {
    name: "B2C PL 23 %",
    order: order({
      currency: "pln",
      items: [
        { title: "Koszulka z bawełny organicznej", subtitle: "M", sku: "TSHIRT-M", unit_price: 99, quantity: 2, tax: vat(23) },
        { title: "Biurko regulowane", subtitle: "Dąb", sku: "DESK-OAK", unit_price: 2790, quantity: 1, tax: vat(23) },
      ],
      shipping: [courier()],
      billing: polishConsumer,
    }),
  },
  {
    name: "B2B PL with NIP",
    order: order({
      currency: "pln",
      items: [{ title: "Fotel biurowy Ergo", sku: "CHAIR-ERGO", unit_price: 1299, quantity: 4, tax: vat(23), taxInclusive: true }],
      shipping: [courier(23, 24.59)],
      billing: { ...polishCompany, metadata: { vat_id: "526-104-08-28" } },
      payment: "not_paid",
    }),
  },
  {
    name: "23 %, 8 % and 5 % in one order",
    order: order({
      currency: "pln",
      items: [
        { title: "Lampa biurkowa", unit_price: 189.99, quantity: 1, tax: vat(23), taxInclusive: true },
        { title: "Kawa ziarnista 1 kg", unit_price: 79.9, quantity: 3, tax: vat(8, "VAT 8%"), taxInclusive: true },
        { title: "Poradnik stolarza (książka)", unit_price: 49.9, quantity: 2, tax: vat(5, "VAT 5%"), taxInclusive: true },
      ],
      shipping: [{ ...courier(23, 16.99), taxInclusive: true }],
      billing: polishConsumer,
    }),
  },
  {
    name: "0 % exempt line with its reason",
    order: order({
      currency: "pln",
      items: [
        { title: "Szafa przesuwna", unit_price: 3499, quantity: 1, tax: vat(23), taxInclusive: true },
        { title: "Szkolenie z montażu mebli", unit_price: 350, quantity: 1, tax: [{ rate: 0, code: "pl-zw", name: "Zwolnione z VAT (art. 43 ust. 1 pkt 29 lit. c ustawy o VAT)" }] },
      ],
      shipping: [courier()],
      billing: polishConsumer,
    }),
  },
  {
    name: "promotion discount",
    order: order({
      currency: "pln",
      items: [
        { title: "Sofa trzyosobowa", unit_price: 2499, quantity: 1, tax: vat(23), taxInclusive: true, adjustments: [{ amount: 250, code: "WIOSNA10", is_tax_inclusive: true }] },
        { title: "Poduszka dekoracyjna", unit_price: 59.99, quantity: 3, tax: vat(23), taxInclusive: true, adjustments: [{ amount: 17.997, code: "WIOSNA10", is_tax_inclusive: true }, { amount: 5, code: "NEWSLETTER" }] },
      ],
      shipping: [{ ...courier(), adjustments: [{ amount: 9.995, code: "SHIP50" }] }],
      billing: polishConsumer,
    }),
  },
  {
    name: "free shipping",
    order: order({
      currency: "pln",
      items: [{ title: "Regał na książki", unit_price: 649, quantity: 1, tax: vat(23), taxInclusive: true }],
      shipping: [{ name: "Darmowa dostawa", amount: 0, tax: vat(23) }],
      billing: polishConsumer,
    }),
  },
  {
    name: "EUR to a German B2C buyer (19 %)",
    order: order({
      currency: "eur",
      items: [
        { title: "Schreibtisch Eiche", unit_price: 649, quantity: 1, tax: vat(19, "MwSt 19%"), taxInclusive: true },
        { title: "Bürostuhl", unit_price: 249.95, quantity: 2, tax: vat(19, "MwSt 19%"), taxInclusive: true },
      ],
      shipping: [{ name: "DHL Paket", amount: 6.99, tax: vat(19, "MwSt 19%"), taxInclusive: true }],
      billing: germanConsumer,
    }),
  },
  {
    name: "intra-EU reverse charge (DE buyer with VAT ID, no VAT)",
    order: order({
      currency: "eur",
      items: [{ title: "Werkbank Profi", unit_price: 1180, quantity: 3 }],
      shipping: [{ name: "Spedition", amount: 89 }],
      billing: germanCompany,
      customer: { company_name: "Holzwerk Weber GmbH", metadata: { vat_id: "DE 811 193 231" } },
      payment: "not_paid",
    }),
  },
  {
    name: "60 lines",
    order: order({ currency: "pln", items: sixtyItems, shipping: [{ ...courier(23, 49.99), taxInclusive: true }], billing: polishCompany, metadata: { vat_id: "PL5261040828" } }),
  },
  {
    name: "3 × 33.33 and 7 × 0.99",
    order: order({
      currency: "pln",
      items: [
        { title: "Uchwyt meblowy", unit_price: 33.33, quantity: 3, tax: vat(23) },
        { title: "Wkręt do drewna", unit_price: 0.99, quantity: 7, tax: vat(23) },
      ],
      shipping: [courier()],
      billing: polishConsumer,
      payment: "not_paid",
    }),
  },
  {
    name: "Polish, German and French letters",
    order: order({
      currency: "eur",
      items: [
        { title: "Krzesło „Żółw” – dąb bielony, źdźbło & łódź", unit_price: 129, quantity: 1, tax: vat(20, "TVA 20 %"), taxInclusive: true },
        { title: 'Größe XL <Spezial> "Übergröße" — Maß für Straße', unit_price: 89.5, quantity: 2, tax: vat(20, "TVA 20 %"), taxInclusive: true },
        { title: "Chaise « Élégance » à l'œuvre, façon Noël", subtitle: "Ça coûte où ? Çà et là", unit_price: 59, quantity: 1, tax: vat(20, "TVA 20 %"), taxInclusive: true },
      ],
      shipping: [{ name: "Colissimo – livraison à domicile", amount: 9.9, tax: vat(20, "TVA 20 %"), taxInclusive: true }],
      billing: { first_name: "Éloïse", last_name: "Lefèvre-Łukasiewicz", company: "Ébénisterie & Fils <SARL>", address_1: "12, rue de l'Église", address_2: "Bâtiment Ä, 3ᵉ étage", city: "Besançon", postal_code: "25000", country_code: "fr" },
      customer: { company_name: "Ébénisterie & Fils <SARL>", metadata: { vat_id: "FR40303265045" } },
      email: "eloise.lefevre@ébénisterie.example",
    }),
  },
  {
    name: "xrechnung (DE seller, Leitweg-ID, 19 % and 7 %)",
    order: order({
      currency: "eur",
      items: [
        { title: "Aktenschrank", unit_price: 399, quantity: 2, tax: vat(19, "MwSt 19%") },
        { title: "Fachbuch Büroorganisation", unit_price: 34.9, quantity: 5, tax: vat(7, "MwSt 7%") },
      ],
      shipping: [{ name: "DHL Paket", amount: 14.9, tax: vat(19, "MwSt 19%") }],
      billing: { ...germanCompany, company: "Stadtverwaltung Köln, Amt für Beschaffung", city: "Köln", postal_code: "50667" },
      metadata: { buyer_reference: "05315000-12345-67", vat_id: "DE122119035" },
      payment: "not_paid",
    }),
    options: { profile: "xrechnung", seller: germanSeller },
  },
  {
    name: "export outside the EU (CH buyer, 0 %)",
    order: order({
      currency: "eur",
      items: [{ title: "Esstisch Nussbaum", unit_price: 1890, quantity: 1 }],
      shipping: [{ name: "Spedition", amount: 120 }],
      billing: { company: "Möbel Huber AG", first_name: "Urs", last_name: "Huber", address_1: "Bahnhofstrasse 10", city: "Zürich", postal_code: "8001", country_code: "ch" },
      customer: { company_name: "Möbel Huber AG", metadata: { vat_id: "CHE-123.456.788 MWST" } },
    }),
  },
  {
    name: "credit note (381) for a PL B2B invoice",
    order: order({
      currency: "pln",
      items: [{ title: "Fotel biurowy Ergo", unit_price: 1299, quantity: 1, tax: vat(23), taxInclusive: true }],
      billing: { ...polishCompany, metadata: { vat_id: "PL5261040828" } },
    }),
    options: { invoice: { number: "KOR/2026/000001", typeCode: "381", precedingInvoice: { number: "FV/2026/000041", issueDate: "2026-11-20" } } },
  },
  {
    name: "order document from a Medusa 2.21.2 store (store API checkout, two promotions)",
    order: storeOrder as unknown as OrderDocument,
    options: { invoice: { issued_at: "2026-12-02T08:00:00.000Z" } },
  },
  { name: "random cart (seed 42)", order: randomOrder(42).document },
]
