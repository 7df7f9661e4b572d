import PDFDocument from "pdfkit"
import type { InvoiceModel } from "../model/invoice-model"
import type { InvoiceFonts } from "./default-fonts"
import { drawClosing } from "./draw-closing"
import { drawContinuationHeader, drawFirstPageHeader } from "./draw-invoice-header"
import { drawLinesTable } from "./draw-lines-table"
import { drawPageFooters } from "./draw-page-footers"
import type { InvoicePdfLabels } from "./pdf-labels"
import { pdfFormatters } from "./pdf-formatters"
import { attachFacturXXml } from "./pdfa/attach-facturx-xml"
import type { FacturXConformanceLevel } from "./pdfa/facturx-xmp"
import { writeDocumentInfoXmpEscaped } from "./pdfa/xmp-document-info"
import { mapPrintableText } from "./printable-text"
import { registerInvoiceFonts } from "./register-fonts"
import { FONT_REGULAR, MARGINS } from "./style-sheet"
import { buildInvoicePdfView, invoiceTitle } from "./view/build-invoice-pdf-view"

export interface RenderInvoicePdfOptions {
  /** the invoice's wording, in its language */
  labels: InvoicePdfLabels
  /** BCP 47 locale for numbers, amounts, dates and country names ("pl", "de-DE") */
  locale: string
  /** the store's own fonts; DejaVu Sans when left out */
  fonts?: InvoiceFonts
  /**
   * The CII XML of the same invoice: given, the PDF is a Factur-X / ZUGFeRD PDF/A-3b hybrid that
   * embeds it byte for byte as factur-x.xml.
   */
  embeddedXml?: string | Buffer
  /** the Factur-X profile the XML follows; "EN 16931" when left out */
  conformanceLevel?: FacturXConformanceLevel
}

function issuedAtOf(model: InvoiceModel): Date {
  const issuedAt = new Date(model.issuedAt)
  if (typeof model.issuedAt !== "string" || Number.isNaN(issuedAt.getTime())) {
    const given = JSON.stringify(model.issuedAt)
    throw new Error(`Cannot render invoice ${model.number}: issuedAt ${given} is not an ISO 8601 instant`)
  }
  return issuedAt
}

function createDocument(model: InvoiceModel, labels: InvoicePdfLabels, locale: string, pdfA: boolean): PDFKit.PDFDocument {
  const issuedAt = issuedAtOf(model)
  return new PDFDocument({
    size: "A4",
    // no default Helvetica: pdfkit would parse its AFM metrics for every document, never to use
    // them, and a standard font is not embedded, which PDF/A forbids
    font: null as unknown as string,
    margins: MARGINS,
    bufferPages: true,
    lang: locale,
    ...(pdfA ? { pdfVersion: "1.7" as const, subset: "PDF/A-3b" as const } : {}),
    // the file ID pdfkit writes is a hash of these: no clock, so re-renders are identical
    info: {
      Title: `${invoiceTitle(model, labels)} ${model.number}`,
      Author: model.seller.name,
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  })
}

/**
 * Renders the invoice model as an A4 PDF in the labels' language and the locale's formats, with
 * embedded Unicode fonts; with `embeddedXml`, as a Factur-X PDF/A-3b. Deterministic: dates come
 * from model.issuedAt, never from the clock, and font subset tags from the fonts' order of use.
 */
export function renderInvoicePdf(model: InvoiceModel, options: RenderInvoicePdfOptions): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const { locale, fonts, embeddedXml, conformanceLevel = "EN 16931" } = options
    const printableModel = mapPrintableText(model)
    const labels = mapPrintableText(options.labels)
    const view = buildInvoicePdfView(printableModel, labels, pdfFormatters(locale, printableModel.currencyCode))
    const pdfA = embeddedXml !== undefined
    const doc = createDocument(printableModel, labels, locale, pdfA)
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)

    // Synchronous from here to doc.end(), as registerInvoiceFonts requires.
    registerInvoiceFonts(doc, fonts)
    if (embeddedXml !== undefined) {
      writeDocumentInfoXmpEscaped(doc)
      attachFacturXXml(doc, embeddedXml, issuedAtOf(model), conformanceLevel)
    }
    doc.font(FONT_REGULAR)
    const newPage = () => {
      doc.addPage()
      return drawContinuationHeader(doc, view)
    }
    const tableBottom = drawLinesTable(doc, view, drawFirstPageHeader(doc, view), newPage)
    drawClosing(doc, view, tableBottom, newPage)
    drawPageFooters(doc, view.footer, view.pageOf)
    doc.end()
  })
}
