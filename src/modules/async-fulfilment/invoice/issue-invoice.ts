import { resolveInvoiceLanguage, translationsFor } from "../i18n"
import type { InvoiceOptions } from "../options/invoice-options"
import type { InvoiceIdentity, OrderDocument } from "../types/order-document"
import { buildInvoiceModel, type InvoiceModel } from "./model"
import { renderInvoicePdf } from "./pdf/render-invoice-pdf"
import { renderCiiInvoice, renderUblInvoice } from "./xml"

/** The formats an issued invoice is delivered in: the (Factur-X) PDF and its two XML syntaxes. */
export const INVOICE_FORMATS = ["pdf", "cii", "ubl"] as const
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number]
export type InvoiceXmlFormat = Exclude<InvoiceFormat, "pdf">

/** The invoice of an order as a legal document, in the order's language: built once, when it is issued. */
export function buildOrderInvoiceModel(order: OrderDocument, invoice: InvoiceIdentity, options: InvoiceOptions): InvoiceModel {
  const language = resolveInvoiceLanguage(order, options.languages)
  return buildInvoiceModel({
    order,
    invoice,
    seller: options.seller,
    language,
    texts: translationsFor(language).invoiceModel,
    options: {
      paymentTermsDays: options.paymentTermsDays,
      buyerTaxIdKey: options.buyerTaxIdKey,
      profile: options.einvoice.profile,
    },
  })
}

/** True when the invoice carries its e-invoice XML (profile other than "none"). */
export const isEInvoice = (model: InvoiceModel): boolean => (model.profile ?? "en16931") !== "none"

export function renderInvoiceXml(model: InvoiceModel, format: InvoiceXmlFormat): Buffer {
  return Buffer.from(format === "cii" ? renderCiiInvoice(model) : renderUblInvoice(model), "utf8")
}

/**
 * `invoice.locale` refines the formatting of invoices in its own language only ("de-AT" for German
 * ones); other languages keep their own locale.
 */
function formattingLocale(model: InvoiceModel, options: Pick<InvoiceOptions, "locale">): string {
  const own = translationsFor(model.language).locale
  const configured = options.locale
  return configured && configured.split(/[-_]/)[0].toLowerCase() === model.language ? configured : own
}

/** The invoice PDF; with an e-invoice profile, the Factur-X PDF/A-3b that embeds the CII XML. */
export function renderIssuedInvoicePdf(model: InvoiceModel, options: Pick<InvoiceOptions, "locale" | "fonts">): Promise<Buffer> {
  const einvoice = isEInvoice(model)
  return renderInvoicePdf(model, {
    labels: translationsFor(model.language).invoicePdf,
    locale: formattingLocale(model, options),
    fonts: options.fonts,
    embeddedXml: einvoice ? renderInvoiceXml(model, "cii") : undefined,
    conformanceLevel: model.profile === "xrechnung" ? "XRECHNUNG" : "EN 16931",
  })
}

/** File names of an invoice's renderings: invoice-INV-2026-000001.pdf, …-cii.xml, …-ubl.xml. */
export function invoiceFileName(number: string, format: InvoiceFormat): string {
  const base = `invoice-${number.replace(/[^A-Za-z0-9._-]/g, "-")}`
  return format === "pdf" ? `${base}.pdf` : `${base}-${format}.xml`
}
