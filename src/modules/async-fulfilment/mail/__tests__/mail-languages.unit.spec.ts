import { resolveInvoiceLanguage, SUPPORTED_LANGUAGES } from "../../i18n"
import { makeOrderDocument } from "../../__tests__/__fixtures__/order-document"
import type { OrderDocument } from "../../types/order-document"
import { renderOrderConfirmationMail } from "../render-order-mail"
import { renderReviewNotice } from "../render-review-notice"
import { renderNoticeMail } from "../render-notice-mail"
import { translationsFor } from "../../i18n"

const invoice = { number: "INV-2025-000042", issued_at: "2025-03-14T09:30:00.000Z" }
const languages = { default: "en", byCountry: { PL: "pl", DE: "de", AT: "de" } }
const NBSP = /\u00a0|\u202f/g

function orderIn(country: string, currency: string, metadata: OrderDocument["metadata"] = null): OrderDocument {
  const order = makeOrderDocument({ currency_code: currency, metadata })
  order.billing_address = { ...order.billing_address!, country_code: country }
  return order
}

function mailFor(order: OrderDocument, extra: { attachments?: { eInvoice?: boolean; xml?: boolean } } = {}) {
  const mail = renderOrderConfirmationMail({
    order,
    invoice,
    storeName: "Babbage & Co",
    invoiceUrl: "https://shop.example/orders/1",
    language: resolveInvoiceLanguage(order, languages),
    ...extra,
  })
  return { ...mail, text: mail.text.replace(NBSP, " "), html: mail.html.replace(NBSP, " ") }
}

describe("the order mail in the order's language", () => {
  const cases = [
    {
      name: "Polish for an order billed to Poland",
      order: orderIn("pl", "pln"),
      subject: "Twoje zamówienie #1042 — faktura INV-2025-000042",
      pdfFilename: "faktura-INV-2025-000042.pdf",
      text: [
        "Dzień dobry, Ada!\n\nDziękujemy za zamówienie #1042 złożone 14 marca 2025 w sklepie Babbage & Co.",
        "  2 × Difference Engine: 12,80 zł",
        "Dostawa: 4,90 zł",
        "Razem: 17,70 zł (w tym VAT 0,30 zł)",
        "W załączniku przesyłamy fakturę INV-2025-000042 w formacie PDF.",
        "Fakturę możesz też pobrać tutaj: https://shop.example/orders/1",
      ],
      html: [
        '<html lang="pl">',
        "<p>Dziękujemy za zamówienie <strong>#1042</strong> złożone 14 marca 2025 w sklepie Babbage &amp; Co.</p>",
        ">Produkt</th>",
        "<strong>Razem</strong> (w tym VAT 0,30 zł)",
        'Fakturę możesz też <a href="https://shop.example/orders/1">pobrać tutaj</a>.',
      ],
    },
    {
      name: "German for an order billed to Germany",
      order: orderIn("de", "eur"),
      subject: "Ihre Bestellung #1042 – Rechnung INV-2025-000042",
      pdfFilename: "Rechnung-INV-2025-000042.pdf",
      text: [
        "Hallo Ada,\n\nvielen Dank für Ihre Bestellung #1042 bei Babbage & Co vom 14. März 2025.",
        "  2 × Difference Engine: 12,80 €",
        "Versand: 4,90 €",
        "Gesamt: 17,70 € (inkl. 0,30 € MwSt.)",
        "Ihre Rechnung INV-2025-000042 finden Sie als PDF im Anhang.",
      ],
      html: [
        '<html lang="de">',
        "<title>Babbage &amp; Co: Bestellung #1042</title>",
        'Sie können Ihre Rechnung auch <a href="https://shop.example/orders/1">hier herunterladen</a>.',
      ],
    },
    {
      name: 'French for an order whose metadata says locale "fr", wherever it is billed',
      order: orderIn("pl", "eur", { locale: "fr" }),
      subject: "Votre commande #1042 — facture INV-2025-000042",
      pdfFilename: "facture-INV-2025-000042.pdf",
      text: [
        "Bonjour Ada,\n\nMerci pour votre commande #1042 passée le 14 mars 2025 chez Babbage & Co.",
        "  2 × Difference Engine : 12,80 €",
        "Total : 17,70 € (dont 0,30 € de TVA)",
        "Vous trouverez ci-joint votre facture INV-2025-000042 au format PDF.",
      ],
      html: ['<html lang="fr">', ">Livraison</td>"],
    },
    {
      name: "English for a country without a language of its own",
      order: orderIn("gb", "gbp"),
      subject: "Your order #1042 — invoice INV-2025-000042",
      pdfFilename: "invoice-INV-2025-000042.pdf",
      text: ["Total: £17.70 (incl. £0.30 tax)"],
      html: ['<html lang="en">'],
    },
  ]

  it.each(cases)("is $name", ({ order, subject, pdfFilename, text, html }) => {
    const mail = mailFor(order)

    expect(mail.subject).toBe(subject)
    expect(mail.pdfFilename).toBe(pdfFilename)
    for (const part of text) {
      expect(mail.text).toContain(part)
    }
    for (const part of html) {
      expect(mail.html).toContain(part)
    }
  })

  it("says when the PDF is a Factur-X e-invoice and when the XML comes with it", () => {
    const plain = mailFor(orderIn("de", "eur"))
    const hybrid = mailFor(orderIn("de", "eur"), { attachments: { eInvoice: true, xml: true } })

    expect(plain.text).not.toContain("Factur-X")
    expect(plain.text).not.toContain("XML")
    for (const body of [hybrid.text, hybrid.html]) {
      expect(body).toContain("Ihre Rechnung INV-2025-000042 finden Sie als PDF im Anhang (E-Rechnung im Format Factur-X/ZUGFeRD).")
      expect(body).toContain("Zusätzlich liegt sie als XML-E-Rechnung (UBL) für Ihre Buchhaltungssoftware bei.")
    }
    expect(hybrid.xmlFilename).toBe("Rechnung-INV-2025-000042.xml")
  })

  it("names attachments with characters every file system accepts", () => {
    const mail = renderOrderConfirmationMail({
      order: orderIn("pl", "pln"),
      invoice: { ...invoice, number: "FV/2025/000042" },
      storeName: "Shop",
      language: "pl",
    })
    expect(mail.pdfFilename).toBe("faktura-FV-2025-000042.pdf")
  })

  it.each(SUPPORTED_LANGUAGES)("leaves no placeholder unfilled in %s", (language) => {
    const order = makeOrderDocument()
    const mails = [
      renderOrderConfirmationMail({
        order,
        invoice,
        storeName: "Shop",
        language,
        invoiceUrl: "https://shop.example/orders/1",
        attachments: { eInvoice: true, xml: true },
      }),
      renderOrderConfirmationMail({ order: makeOrderDocument({ customer: null, billing_address: null }), invoice, storeName: "Shop", language }),
      renderReviewNotice("review_received", order, "Shop", language),
      renderReviewNotice("review_rejected", order, "Shop", language),
      renderNoticeMail(translationsFor(language).mail.orderCanceled, translationsFor(language).mail, order, "Shop"),
    ]
    for (const mail of mails) {
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).not.toMatch(/\{\w+\}/)
      }
    }
  })
})

describe("the review notices in the order's language", () => {
  it.each([
    ["pl", "review_received", "Otrzymaliśmy Twoje zamówienie #1042", "Dzień dobry, Ada!", "Dziękujemy za zamówienie #1042 w sklepie Shop."],
    ["pl", "review_rejected", "Nie możemy przyjąć Twojego zamówienia #1042", "Dzień dobry, Ada!", "Przykro nam: sklep Shop nie mógł przyjąć Twojego zamówienia #1042"],
    ["de", "review_received", "Wir haben Ihre Bestellung #1042 erhalten", "Hallo Ada,", "vielen Dank für Ihre Bestellung #1042 bei Shop."],
    ["de", "review_rejected", "Ihre Bestellung #1042 konnte nicht angenommen werden", "Hallo Ada,", "es tut uns leid: Shop konnte Ihre Bestellung #1042 nicht annehmen"],
    ["fr", "review_received", "Nous avons bien reçu votre commande #1042", "Bonjour Ada,", "Merci pour votre commande #1042 chez Shop."],
    ["fr", "review_rejected", "Votre commande #1042 n’a pas pu être acceptée", "Bonjour Ada,", "Nous sommes désolés : Shop n’a pas pu accepter votre commande #1042"],
    ["en", "review_received", "We received your order #1042", "Hello Ada,", "thank you for your order #1042 at Shop."],
  ] as const)("%s %s", (language, notice, subject, greeting, opening) => {
    const mail = renderReviewNotice(notice, makeOrderDocument(), "Shop", language)
    expect(mail.subject).toBe(subject)
    expect(mail.text.replace(NBSP, " ")).toContain(`${greeting}\n\n${opening}`)
    expect(mail.html.replace(NBSP, " ")).toContain(`<p>${greeting}</p>\n<p>${opening}`)
  })

  it("greets without a name when the order has none", () => {
    const order = makeOrderDocument({ customer: null, billing_address: null })
    expect(renderReviewNotice("review_received", order, "Shop", "pl").text.startsWith("Dzień dobry!\n")).toBe(true)
    expect(renderReviewNotice("review_received", order, "Shop", "de").text.startsWith("Guten Tag,\n")).toBe(true)
    expect(renderReviewNotice("review_rejected", order, "Shop").text.startsWith("Hello,\n")).toBe(true)
  })
})

describe("the cancellation mail of an order canceled before it was invoiced", () => {
  it.each([
    ["pl", "Twoje zamówienie #1042 zostało anulowane", "Dzień dobry, Ada!", "Twoje zamówienie #1042 w sklepie Shop zostało anulowane."],
    ["de", "Ihre Bestellung #1042 wurde storniert", "Hallo Ada,", "Ihre Bestellung #1042 bei Shop wurde storniert."],
    ["fr", "Votre commande #1042 a été annulée", "Bonjour Ada,", "Votre commande #1042 chez Shop a été annulée."],
    ["en", "Your order #1042 has been canceled", "Hello Ada,", "your order #1042 at Shop has been canceled."],
  ] as const)("%s", (language, subject, greeting, opening) => {
    const texts = translationsFor(language).mail
    const mail = renderNoticeMail(texts.orderCanceled, texts, makeOrderDocument(), "Shop")
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain(`${greeting}\n\n${opening}`)
    expect(mail.html).toContain(`<p>${greeting}</p>\n<p>${opening}`)
  })
})
