import PDFDocument from "pdfkit"
import { drawInvoiceHeader } from "./draw-header"
import { drawInvoiceTotals } from "./draw-totals"
import { drawLineItemsTable } from "./draw-line-items-table"
import { drawPageFooters } from "./draw-page-footers"
import type { InvoiceContent } from "../content/invoice-content"
import type { InvoiceFonts } from "./default-fonts"
import { registerInvoiceFonts } from "./register-fonts"
import { FONT_REGULAR, MARGINS } from "./style-sheet"
import { mapPrintableText } from "./printable-text"

export interface RenderInvoicePdfOptions {
  /** The store's own fonts; DejaVu Sans when left out. */
  fonts?: InvoiceFonts
}

// Accepts an ISO string too: content read back from JSON has lost its Date, and renders the same PDF.
function issuedAtOf(content: InvoiceContent): Date {
  const issuedAt = new Date(content.issuedAt as Date | string)
  if (Number.isNaN(issuedAt.getTime())) {
    throw new Error(`Cannot render invoice ${content.invoiceNumber}: issuedAt is not a valid date`)
  }
  return issuedAt
}

/**
 * Renders the invoice as an A4 PDF with an embedded Unicode font, so every character of the order
 * prints as itself. Deterministic: the PDF's dates (and the file ID pdfkit derives from them) come
 * from the content, never from the clock, and font subset tags derive from the fonts' order of use.
 */
export function renderInvoicePdf(content: InvoiceContent, { fonts }: RenderInvoicePdfOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const issuedAt = issuedAtOf(content)
    const printable = mapPrintableText(content)
    const doc = new PDFDocument({
      size: "A4",
      // no default Helvetica: pdfkit would parse its AFM metrics for every document, never to use them
      font: null as unknown as string,
      margins: MARGINS,
      bufferPages: true,
      info: {
        Title: `${printable.title} ${printable.invoiceNumber}`,
        Author: printable.seller[0] ?? "",
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    })
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)

    // Synchronous from here to doc.end(), as registerInvoiceFonts requires.
    registerInvoiceFonts(doc, fonts)
    doc.font(FONT_REGULAR)
    const tableTop = drawInvoiceHeader(doc, printable)
    const tableBottom = drawLineItemsTable(doc, printable, tableTop)
    drawInvoiceTotals(doc, printable, tableBottom)
    drawPageFooters(doc, printable)
    doc.end()
  })
}
