import PDFDocument from "pdfkit"
import { drawInvoiceHeader } from "./draw-invoice-header"
import { drawInvoiceTotals } from "./draw-invoice-totals"
import { drawLineItemsTable } from "./draw-line-items-table"
import { drawPageFooters } from "./draw-page-footers"
import type { InvoiceLayout } from "./invoice-layout"
import { FONT_REGULAR, MARGINS } from "./pdf-geometry"
import { mapToWinAnsi } from "./pdf-win-ansi"

// Accepts an ISO string too: a layout that went through JSON (a queue payload) has lost its Date.
function issuedAtOf(layout: InvoiceLayout): Date {
  const issuedAt = new Date(layout.issuedAt as Date | string)
  if (Number.isNaN(issuedAt.getTime())) {
    throw new Error(`Cannot render invoice ${layout.invoiceNumber}: issuedAt is not a valid date`)
  }
  return issuedAt
}

/**
 * Renders the invoice as an A4 PDF with pdfkit's built-in Helvetica. Deterministic: the PDF's
 * dates (and the file ID pdfkit derives from them) come from the layout, never from the clock.
 */
export function renderInvoicePdf(layout: InvoiceLayout): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const issuedAt = issuedAtOf(layout)
    const printable = mapToWinAnsi(layout)
    const doc = new PDFDocument({
      size: "A4",
      margins: MARGINS,
      bufferPages: true,
      font: FONT_REGULAR,
      info: {
        Title: `${layout.title} ${layout.invoiceNumber}`,
        Author: layout.seller[0] ?? "",
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    })
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)

    const tableTop = drawInvoiceHeader(doc, printable)
    const tableBottom = drawLineItemsTable(doc, printable, tableTop)
    drawInvoiceTotals(doc, printable, tableBottom)
    drawPageFooters(doc, printable)
    doc.end()
  })
}
