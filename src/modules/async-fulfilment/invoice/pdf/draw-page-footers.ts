import { CONTENT_LEFT, CONTENT_WIDTH, FONT_REGULAR, FONT_SIZE, FOOTER_TOP, MUTED_COLOR } from "./style-sheet"

/**
 * `left` and "Page n of N" (`pageOf` with "{page}" and "{pages}") on every page; needs a document
 * created with bufferPages, once all pages exist.
 */
export function drawPageFooters(doc: PDFKit.PDFDocument, left: string, pageOf: string): void {
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    // Text inside the bottom margin would make pdfkit open a new page; lift the margin meanwhile.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const pageLabel = pageOf.replace("{page}", String(index - start + 1)).replace("{pages}", String(count))
    doc.font(FONT_REGULAR).fontSize(FONT_SIZE.footer).fillColor(MUTED_COLOR)
    doc.text(left, CONTENT_LEFT, FOOTER_TOP, { width: (CONTENT_WIDTH * 2) / 3, lineBreak: false })
    doc.text(pageLabel, CONTENT_LEFT + (CONTENT_WIDTH * 2) / 3, FOOTER_TOP, {
      width: CONTENT_WIDTH / 3,
      align: "right",
      lineBreak: false,
    })
    doc.page.margins.bottom = bottomMargin
  }
}
