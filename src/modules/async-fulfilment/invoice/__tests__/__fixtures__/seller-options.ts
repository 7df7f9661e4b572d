import { invoiceOptionsSchema, InvoiceOptionsInput, InvoiceSellerOptions } from "../../../options/invoice-options"

type SellerInput = InvoiceOptionsInput["seller"]

/** A Polish seller with everything set, parsed through the option schema as the plugin parses it. */
export const POLISH_SELLER_INPUT: SellerInput = {
  name: "Meble Kowalski Sp. z o.o.",
  vatId: "PL 525-000-00-00",
  address: { line1: "ul. Piotrkowska 120", line2: "lok. 4", city: "Łódź", postalCode: "90-006", countryCode: "pl" },
  registration: "KRS 0000123456, Sąd Rejonowy dla Łodzi-Śródmieścia, kapitał zakładowy 50 000 zł",
  email: "faktury@meble-kowalski.example",
  phone: "+48 42 123 45 67",
  bankAccount: { iban: "PL61 1090 1014 0000 0712 1981 2874", bic: "WBKPPLPP", bankName: "Santander Bank Polska" },
}

export function sellerOptions(overrides: Partial<SellerInput> = {}): InvoiceSellerOptions {
  return invoiceOptionsSchema.parse({ seller: { ...POLISH_SELLER_INPUT, ...overrides } }).seller
}
