import { baselineShift, drawOneLine, fitFontSize } from "./fit-text"
import { drawHeadingRow, drawRow, drawRule, measureHeadingRow, measureRow, type TableStyle } from "./draw-table"
import {
  CLOSING_LEFT_WIDTH,
  CLOSING_RIGHT_LEFT,
  CLOSING_RIGHT_WIDTH,
  CONTENT_BOTTOM,
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  FONT_SIZE,
  MUTED_COLOR,
  SUMMARY_COLUMNS,
  TEXT_COLOR,
  type SummaryColumnKey,
} from "./style-sheet"
import type { InvoicePdfView, PdfTextBlock, PdfTotalLine } from "./view/invoice-pdf-view"
import type { NewPage } from "./draw-lines-table"
import { drawTextLines, measureTextLines } from "./text-lines"

/** A measured part of the closing: drawn at y, taking `height` points. */
interface Piece {
  height: number
  draw: (y: number) => void
}

const GAP = 14
const TOTAL_LINE_GAP = 3
const AMOUNT_WIDTH = 110
const LABEL_WIDTH = CLOSING_RIGHT_WIDTH - AMOUNT_WIDTH - 8

const HEADING = { bold: true, size: FONT_SIZE.closing }

const SUMMARY_STYLE: TableStyle<SummaryColumnKey> = {
  columns: SUMMARY_COLUMNS,
  wrapKey: "rate",
  fontSize: FONT_SIZE.closing,
  noteSize: FONT_SIZE.lineNote,
  left: CLOSING_RIGHT_LEFT,
  right: CONTENT_RIGHT,
}

interface TextStyle {
  bold: boolean
  size: number
  color?: string
}

function textPiece(doc: PDFKit.PDFDocument, lines: string[], x: number, width: number, style: TextStyle): Piece {
  const { size, color = TEXT_COLOR } = style
  const font = style.bold ? FONT_BOLD : FONT_REGULAR
  doc.font(font).fontSize(size)
  return {
    height: measureTextLines(doc, lines, width),
    draw: (y) => {
      doc.font(font).fontSize(size).fillColor(color)
      drawTextLines(doc, lines, { x, width, align: "left" }, y)
    },
  }
}

function gapPiece(height: number): Piece {
  return { height, draw: () => undefined }
}

function summaryPieces(doc: PDFKit.PDFDocument, view: InvoicePdfView): Piece[] {
  const pieces = [textPiece(doc, [view.summaryTitle], CLOSING_RIGHT_LEFT, CLOSING_RIGHT_WIDTH, HEADING)]
  pieces.push({
    height: measureHeadingRow(doc, SUMMARY_STYLE, view.summaryHeadings),
    draw: (y) => drawHeadingRow(doc, SUMMARY_STYLE, view.summaryHeadings, y),
  })
  for (const cells of view.summary) {
    const height = measureRow(doc, SUMMARY_STYLE, { cells })
    pieces.push({ height, draw: (y) => drawRow(doc, SUMMARY_STYLE, { cells }, y, height) })
  }
  if (view.summaryNotes.length > 0) {
    pieces.push(gapPiece(3))
    const noteStyle = { bold: false, size: FONT_SIZE.lineNote, color: MUTED_COLOR }
    pieces.push(textPiece(doc, view.summaryNotes, CLOSING_RIGHT_LEFT, CLOSING_RIGHT_WIDTH, noteStyle))
  }
  return pieces
}

function totalPiece(doc: PDFKit.PDFDocument, line: PdfTotalLine): Piece {
  const size = line.emphasis ? FONT_SIZE.total : FONT_SIZE.closing
  const font = line.emphasis ? FONT_BOLD : FONT_REGULAR
  const rule = line.emphasis ? TOTAL_LINE_GAP + 1 : 0
  doc.font(font).fontSize(size)
  const height = rule + doc.heightOfString(line.label, { width: LABEL_WIDTH }) + TOTAL_LINE_GAP
  return {
    height,
    draw: (top) => {
      if (line.emphasis) drawRule(doc, top + 1, TEXT_COLOR, 0.8, CLOSING_RIGHT_LEFT, CONTENT_RIGHT)
      const y = top + rule
      doc.font(font).fontSize(size).fillColor(TEXT_COLOR)
      doc.text(line.label, CLOSING_RIGHT_LEFT, y, { width: LABEL_WIDTH, align: "right" })
      const amountSize = fitFontSize(doc, line.amount, AMOUNT_WIDTH, size)
      const box = { x: CONTENT_RIGHT - AMOUNT_WIDTH, width: AMOUNT_WIDTH, align: "right" as const }
      drawOneLine(doc, line.amount, box, y + baselineShift(doc, size, amountSize))
    },
  }
}

function blockPieces(doc: PDFKit.PDFDocument, block: PdfTextBlock, width: number): Piece[] {
  return [
    textPiece(doc, [block.title], CONTENT_LEFT, width, HEADING),
    gapPiece(2),
    textPiece(doc, block.lines, CONTENT_LEFT, width, { bold: false, size: FONT_SIZE.closing }),
  ]
}

const heightOf = (pieces: Piece[]) => pieces.reduce((sum, piece) => sum + piece.height, 0)

function drawPieces(pieces: Piece[], top: number): void {
  let y = top
  for (const piece of pieces) {
    piece.draw(y)
    y += piece.height
  }
}

/**
 * The VAT summary and the totals on the right, payment on the left, the notes across the page
 * under them, kept together: when they do not fit under the table they all go to a new page, so
 * the totals end the invoice.
 */
export function drawClosing(doc: PDFKit.PDFDocument, view: InvoicePdfView, tableBottom: number, newPage: NewPage): void {
  const right = [...summaryPieces(doc, view), gapPiece(GAP), ...view.totals.map((line) => totalPiece(doc, line))]
  const left = blockPieces(doc, view.payment, CLOSING_LEFT_WIDTH)
  const notes = view.notes ? [gapPiece(GAP), ...blockPieces(doc, view.notes, CONTENT_WIDTH)] : []
  const columnsHeight = Math.max(heightOf(left), heightOf(right))
  let top = tableBottom + GAP
  if (top + columnsHeight + heightOf(notes) > CONTENT_BOTTOM) {
    top = newPage()
  }
  drawPieces(right, top)
  drawPieces(left, top)
  drawPieces(notes, top + columnsHeight)
}
