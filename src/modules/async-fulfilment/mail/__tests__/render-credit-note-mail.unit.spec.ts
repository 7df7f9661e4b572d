import { renderCreditNoteMail } from "../render-credit-note-mail"
import { buildCreditNoteModel } from "../../invoice/credit-note/build-credit-note-model"
import { translationsFor, type InvoiceLanguage } from "../../i18n"
import { modelOf } from "../../invoice/__tests__/__fixtures__/build-model"
import { medusaOrderDocument } from "../../invoice/__tests__/__fixtures__/medusa-order"

const order = medusaOrderDocument({
  currency: "pln",
  items: [{ title: "Desk", unit_price: 1000, quantity: 1, tax: [{ rate: 23 }] }],
  billing: { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
})

const creditNoteIn = (language: InvoiceLanguage) =>
  buildCreditNoteModel({
    invoice: { ...modelOf(order), language },
    creditNote: { number: "CN-2026-000001", issued_at: "2026-12-01T10:00:00.000Z" },
    scope: { kind: "cancellation" },
    texts: translationsFor(language).invoiceModel,
  })

describe("renderCreditNoteMail", () => {
  it.each([
    ["en", "Credit note CN-2026-000001 for your order", "has been canceled", "credit-note-CN-2026-000001.pdf"],
    ["pl", "Faktura korygująca CN-2026-000001 do zamówienia", "zostało anulowane", "korekta-CN-2026-000001.pdf"],
    ["de", "Rechnungskorrektur CN-2026-000001 zu Ihrer Bestellung", "wurde storniert", "rechnungskorrektur-CN-2026-000001.pdf"],
    ["fr", "Avoir CN-2026-000001 pour votre commande", "a été annulée", "avoir-CN-2026-000001.pdf"],
  ] as const)("writes a cancellation's credit note in %s, naming the invoice it corrects and its amount", (language, subject, canceled, filename) => {
    const mail = renderCreditNoteMail({ order, creditNote: { reason: "cancellation", model: creditNoteIn(language) }, storeName: "Shop & Co" })
    expect(mail.subject).toContain(subject)
    expect(mail.text).toContain(canceled)
    expect(mail.text).toContain("FV/2026/000042")
    expect(mail.text).toMatch(/1[\s\u00a0\u202f.,]?230[.,]00/)
    expect(mail.html).toContain("Shop &amp; Co")
    expect(mail.pdfFilename).toBe(filename)
  })
})
