import type { InvoiceContent } from "../content/invoice-content"
import { CONTENT_LEFT, CONTENT_WIDTH, FONT_REGULAR, FONT_SIZE, FOOTER_TOP, MUTED_COLOR } from "./style-sheet"

/** "Page n of N" on every page; needs a document created with bufferPages, once all pages exist. */
export function drawPageFooters(doc: PDFKit.PDFDocument, content: InvoiceContent): void {
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    // Text inside the bottom margin would make pdfkit open a new page; lift the margin meanwhile.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const pageLabel = content.labels.pageOf
      .replace("{page}", String(index - start + 1))
      .replace("{pages}", String(count))
    doc.font(FONT_REGULAR).fontSize(FONT_SIZE.footer).fillColor(MUTED_COLOR)
    doc.text(`${content.title} ${content.invoiceNumber}`, CONTENT_LEFT, FOOTER_TOP, {
      width: CONTENT_WIDTH / 2,
      lineBreak: false,
    })
    doc.text(pageLabel, CONTENT_LEFT + CONTENT_WIDTH / 2, FOOTER_TOP, {
      width: CONTENT_WIDTH / 2,
      align: "right",
      lineBreak: false,
    })
    doc.page.margins.bottom = bottomMargin
  }
}
