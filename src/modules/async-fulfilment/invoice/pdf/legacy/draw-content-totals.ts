import type { InvoiceContent, InvoiceTotalLine } from "../../content/invoice-content"
import { baselineShift, fitFontSize } from "../fit-text"
import {
  CONTENT_BOTTOM,
  CONTENT_RIGHT,
  FONT_BOLD,
  FONT_REGULAR,
  FONT_SIZE,
  MARGINS,
  TEXT_COLOR,
} from "../style-sheet"

const AMOUNT_WIDTH = 100
const LABEL_WIDTH = 140
const LABEL_X = CONTENT_RIGHT - AMOUNT_WIDTH - LABEL_WIDTH
const AMOUNT_X = CONTENT_RIGHT - AMOUNT_WIDTH
const LINE_GAP = 4
const TOP_GAP = 14

function drawLine(doc: PDFKit.PDFDocument, line: InvoiceTotalLine, y: number): number {
  const isTotal = line.kind === "total"
  const size = isTotal ? FONT_SIZE.total : FONT_SIZE.body
  doc.font(isTotal ? FONT_BOLD : FONT_REGULAR).fontSize(size)
  const labelHeight = doc.heightOfString(line.label, { width: LABEL_WIDTH })
  doc.text(line.label, LABEL_X, y, { width: LABEL_WIDTH, align: "right" })
  const amountSize = fitFontSize(doc, line.amount, AMOUNT_WIDTH, size)
  const amountHeight = doc.heightOfString(line.amount, { width: AMOUNT_WIDTH })
  doc.text(line.amount, AMOUNT_X, y + baselineShift(doc, size, amountSize), { width: AMOUNT_WIDTH, align: "right" })
  return y + Math.max(labelHeight, amountHeight) + LINE_GAP
}

function blockHeight(doc: PDFKit.PDFDocument, lines: InvoiceTotalLine[]): number {
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.total)
  return TOP_GAP + lines.length * (doc.currentLineHeight(true) + LINE_GAP) + LINE_GAP
}

/** Right-aligned totals below the table (on a new page if they do not fit), Total in bold. */
export function drawInvoiceTotals(doc: PDFKit.PDFDocument, content: InvoiceContent, top: number): number {
  let y = top
  if (y + blockHeight(doc, content.totals) > CONTENT_BOTTOM) {
    doc.addPage()
    y = MARGINS.top
  }
  y += TOP_GAP
  doc.fillColor(TEXT_COLOR)
  for (const line of content.totals) {
    if (line.kind === "total") {
      doc.save().moveTo(LABEL_X, y).lineTo(CONTENT_RIGHT, y).lineWidth(0.8).strokeColor(TEXT_COLOR).stroke().restore()
      y += LINE_GAP
    }
    y = drawLine(doc, line, y)
  }
  return y
}
