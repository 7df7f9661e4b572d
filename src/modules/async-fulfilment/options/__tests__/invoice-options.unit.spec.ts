import { z } from "@medusajs/framework/zod"
import { invoiceOptionsSchema } from "../invoice-options"
import { isValidIban } from "../iban"
import { POLISH_SELLER_INPUT } from "../../invoice/__tests__/__fixtures__/seller-options"

// The lead plugs this schema in as `invoice`: parsed the same way, messages name `invoice.…`.
const wrapper = z.object({ invoice: invoiceOptionsSchema })

const seller = {
  name: "Meble Kowalski Sp. z o.o.",
  vatId: "PL5250000000",
  address: { line1: "ul. Piotrkowska 120", city: "Łódź", postalCode: "90-006", countryCode: "PL" },
}
const valid = { seller }

const parse = (invoice: unknown) => wrapper.parse({ invoice }).invoice

function messageFor(invoice: unknown): string {
  const result = wrapper.safeParse({ invoice })
  if (result.success) {
    throw new Error("the options were accepted")
  }
  return result.error.issues.map((issue) => `\`${issue.path.map(String).join(".")}\`: ${issue.message}`).join("\n")
}

describe("invoiceOptionsSchema", () => {
  it("fills every default of the invoice option", () => {
    expect(parse(valid)).toEqual({
      numberPrefix: "INV-",
      creditNotePrefix: "CN-",
      yearlySequence: true,
      numberPadding: 6,
      seller,
      languages: { default: "en", byCountry: {} },
      buyerTaxIdKey: "vat_id",
      paymentTermsDays: 14,
      einvoice: { profile: "en16931", attachXml: false },
    })
  })

  it("refuses a credit-note prefix equal to the invoice prefix, naming the option", () => {
    expect(() => parse({ ...valid, numberPrefix: "FV/", creditNotePrefix: "FV/" })).toThrow(/creditNotePrefix.*must differ from numberPrefix/s)
    expect(parse({ ...valid, numberPrefix: "FV/", creditNotePrefix: "KOR/" }).creditNotePrefix).toBe("KOR/")
  })

  it("keeps a full configuration and writes identifiers the way e-invoices carry them", () => {
    const options = parse({
      // every seller field, written loosely: "PL 525-000-00-00", "pl", IBAN in groups of four
      seller: { ...POLISH_SELLER_INPUT, bankAccount: { iban: "pl61 1090 1014 0000 0712 1981 2874", bic: "wbkp plpp" } },
      languages: { default: "pl", byCountry: { de: "de", AT: "de", fr: "fr" } },
      buyerTaxIdKey: "nip",
      paymentTermsDays: 30,
      einvoice: { profile: "xrechnung", attachXml: true },
    })
    expect(options.seller).toMatchObject({
      vatId: "PL5250000000",
      address: { countryCode: "PL", line2: "lok. 4" },
      bankAccount: { iban: "PL61109010140000071219812874", bic: "WBKPPLPP" },
    })
    expect(options.languages).toEqual({ default: "pl", byCountry: { DE: "de", AT: "de", FR: "fr" } })
    expect(options).toMatchObject({ buyerTaxIdKey: "nip", paymentTermsDays: 30, einvoice: { profile: "xrechnung", attachXml: true } })
  })

  it.each([
    ["a German VAT ID", "DE123456789"],
    ["a Greek VAT ID with EL", "EL123456789"],
    ["a Dutch VAT ID", "NL123456789B01"],
    ["a French VAT ID", "FRXX123456789"],
    ["a Northern Irish VAT ID", "XI123456789"],
    ["a Swiss VAT ID", "CHE-123.456.789"],
    ["a British VAT ID", "GB123456789"],
  ])("accepts %s", (_case, vatId) => {
    expect(() => parse({ seller: { ...seller, vatId } })).not.toThrow()
  })

  it("refuses the 0.1 string address and shows the new form", () => {
    const message = messageFor({ seller: { ...seller, address: "ul. Prosta 1\n00-001 Warszawa\nPoland" } })
    expect(message).toContain("`invoice.seller.address`: the address is an object since 0.2.0")
    expect(message).toContain('{ line1: "ul. Prosta 1", line2: "lok. 4" (optional), postalCode: "00-001", city: "Warszawa", countryCode: "PL" }')
  })

  it.each([
    ["a seller without VAT ID", { seller: { ...seller, vatId: undefined } }, "`invoice.seller.vatId`"],
    ["a seller without name", { seller: { ...seller, name: " " } }, "`invoice.seller.name`"],
    ["an address without city", { seller: { ...seller, address: { ...seller.address, city: undefined } } }, "`invoice.seller.address.city`"],
    ["an address without postal code", { seller: { ...seller, address: { ...seller.address, postalCode: "" } } }, "`invoice.seller.address.postalCode`"],
    ["a country name instead of a code", { seller: { ...seller, address: { ...seller.address, countryCode: "Poland" } } }, "`invoice.seller.address.countryCode`: must be an ISO 3166-1 alpha-2 country code"],
    ["a country code that does not exist", { seller: { ...seller, address: { ...seller.address, countryCode: "XX" } } }, "`invoice.seller.address.countryCode`: must be an ISO 3166-1"],
    ["an unknown address field", { seller: { ...seller, address: { ...seller.address, street: "x" } } }, "`invoice.seller.address`"],
    ["a Polish VAT ID of the wrong length", { seller: { ...seller, vatId: "PL525000000" } }, "`invoice.seller.vatId`: PL VAT IDs are PL + 10 digits (the NIP), got PL525000000"],
    ["a German VAT ID with letters", { seller: { ...seller, vatId: "DE12345678X" } }, "`invoice.seller.vatId`: DE VAT IDs are DE + 9 digits"],
    ["a VAT ID without country prefix", { seller: { ...seller, vatId: "5250000000" } }, "`invoice.seller.vatId`: must start with its country prefix"],
    ["a Greek VAT ID with GR", { seller: { ...seller, vatId: "GR123456789" } }, "`invoice.seller.vatId`: Greek VAT IDs start with EL, not GR"],
    ["a VAT ID with an unknown prefix", { seller: { ...seller, vatId: "QQ123456" } }, "`invoice.seller.vatId`: QQ is not an ISO 3166-1 country code"],
    ["an IBAN with a wrong check digit", { seller: { ...seller, bankAccount: { iban: "PL62109010140000071219812874" } } }, "`invoice.seller.bankAccount.iban`: is not a valid IBAN"],
    ["an IBAN that is too short", { seller: { ...seller, bankAccount: { iban: "PL61 1090" } } }, "`invoice.seller.bankAccount.iban`: is not a valid IBAN"],
    ["a BIC of the wrong length", { seller: { ...seller, bankAccount: { iban: "DE89370400440532013000", bic: "COBADEF" } } }, "`invoice.seller.bankAccount.bic`: is not a BIC"],
    ["a bank account without IBAN", { seller: { ...seller, bankAccount: { bic: "COBADEFFXXX" } } }, "`invoice.seller.bankAccount.iban`"],
    ["a seller e-mail that is not one", { seller: { ...seller, email: "faktury(at)meble" } }, "`invoice.seller.email`: must be an e-mail address"],
    ["a seller phone with letters", { seller: { ...seller, phone: "call us" } }, "`invoice.seller.phone`: may hold only digits"],
    ["a seller phone of two digits", { seller: { ...seller, phone: "12" } }, "`invoice.seller.phone`: must hold at least 3 digits"],
    ["an unsupported default language", { ...valid, languages: { default: "es" } }, "`invoice.languages.default`"],
    ["a language for a country that does not exist", { ...valid, languages: { byCountry: { xx: "pl" } } }, "`invoice.languages.byCountry.xx`: must be an ISO 3166-1 alpha-2 country code"],
    ["an unsupported language for a country", { ...valid, languages: { byCountry: { de: "nl" } } }, "`invoice.languages.byCountry.de`"],
    ["negative payment terms", { ...valid, paymentTermsDays: -1 }, "`invoice.paymentTermsDays`"],
    ["payment terms in fractions of a day", { ...valid, paymentTermsDays: 1.5 }, "`invoice.paymentTermsDays`"],
    ["an empty buyer tax ID key", { ...valid, buyerTaxIdKey: "" }, "`invoice.buyerTaxIdKey`"],
    ["an unknown e-invoice profile", { ...valid, einvoice: { profile: "peppol" } }, "`invoice.einvoice.profile`"],
    ["attachXml as a string", { ...valid, einvoice: { attachXml: "yes" } }, "`invoice.einvoice.attachXml`"],
    ["attachXml without an e-invoice", { ...valid, einvoice: { profile: "none", attachXml: true } }, '`invoice.einvoice.attachXml`: there is no XML to attach with einvoice.profile "none"'],
    ["XRechnung without the seller's e-mail", { seller: { ...seller, phone: "+49 30 1234567" }, einvoice: { profile: "xrechnung" } }, '`invoice.seller.email`: required with einvoice.profile "xrechnung"'],
    ["XRechnung without the seller's phone", { seller: { ...seller, email: "rechnung@shop.example" }, einvoice: { profile: "xrechnung" } }, '`invoice.seller.phone`: required with einvoice.profile "xrechnung"'],
    ["an invoice number prefix with spaces", { ...valid, numberPrefix: "INV 2026" }, "`invoice.numberPrefix`: may hold only letters"],
    ["a font file that does not exist", { ...valid, fonts: { regular: "/nope.ttf", bold: "/nope-bold.ttf" } }, "`invoice.fonts.regular`: no such font file"],
    ["a misspelt option", { ...valid, paymentTermDays: 7 }, "paymentTermDays"],
    ["a misspelt seller field", { seller: { ...seller, vatID: "PL5250000000" } }, "vatID"],
  ])("names the option at fault for %s", (_case, invoice, expected) => {
    expect(messageFor(invoice)).toContain(expected)
  })
})

describe("isValidIban", () => {
  it.each([
    ["PL61109010140000071219812874", true],
    ["DE89370400440532013000", true],
    ["FR1420041010050500013M02606", true],
    ["GB82WEST12345698765432", true],
    ["DE89370400440532013001", false],
    ["DE8937040044053201300", false],
    ["1234567890123456", false],
  ])("%s → %s", (iban, expected) => {
    expect(isValidIban(iban)).toBe(expected)
  })
})
