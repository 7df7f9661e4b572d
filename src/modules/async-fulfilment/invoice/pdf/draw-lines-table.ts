import { drawHeadingRow, drawRow, measureHeadingRow, measureRow, type TableStyle } from "./draw-table"
import { CONTENT_BOTTOM, FONT_SIZE, LINE_COLUMNS, type LineColumnKey } from "./style-sheet"
import type { InvoicePdfView } from "./view/invoice-pdf-view"

const LINES_STYLE: TableStyle<LineColumnKey> = {
  columns: LINE_COLUMNS,
  wrapKey: "description",
  fontSize: FONT_SIZE.lineTable,
  noteSize: FONT_SIZE.lineNote,
}

/** Opens a page with its header and returns the y where content may start. */
export type NewPage = () => number

/**
 * Draws the lines from `top`; a row that would cross the bottom margin goes to a new page, under
 * the page's header and the table's heading row again. Returns the y below the last row.
 */
export function drawLinesTable(doc: PDFKit.PDFDocument, view: InvoicePdfView, top: number, newPage: NewPage): number {
  let y = top
  const headingHeight = measureHeadingRow(doc, LINES_STYLE, view.lineHeadings)
  // a heading row alone at the foot of a page helps nobody: the first row goes with it
  if (view.lines.length > 0 && y + headingHeight + measureRow(doc, LINES_STYLE, view.lines[0]) > CONTENT_BOTTOM) {
    y = newPage()
  }
  y = drawHeadingRow(doc, LINES_STYLE, view.lineHeadings, y)
  for (const row of view.lines) {
    const height = measureRow(doc, LINES_STYLE, row)
    if (y + height > CONTENT_BOTTOM) {
      y = drawHeadingRow(doc, LINES_STYLE, view.lineHeadings, newPage())
    }
    y = drawRow(doc, LINES_STYLE, row, y, height)
  }
  return y
}
