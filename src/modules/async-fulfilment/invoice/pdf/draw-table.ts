import { baselineShift, drawOneLine, fitFontSize } from "./fit-text"
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  FONT_BOLD,
  FONT_REGULAR,
  MAX_DESCRIPTION_HEIGHT,
  MUTED_COLOR,
  RULE_COLOR,
  TABLE_ROW_PADDING,
  TEXT_COLOR,
  type TableColumn,
} from "./style-sheet"

export interface TableStyle<Key extends string> {
  columns: Array<TableColumn<Key>>
  /** the one column whose text wraps (and carries the row's notes); the others shrink to one line */
  wrapKey: Key
  fontSize: number
  noteSize: number
  /** how far the rules reach: the table's own width */
  left?: number
  right?: number
}

export interface TableRow<Key extends string> {
  cells: Record<Key, string>
  notes?: string[]
}

export function drawRule(
  doc: PDFKit.PDFDocument,
  y: number,
  color: string,
  width: number,
  left = CONTENT_LEFT,
  right = CONTENT_RIGHT
): void {
  doc.save().moveTo(left, y).lineTo(right, y).lineWidth(width).strokeColor(color).stroke().restore()
}

function wrappedHeight(doc: PDFKit.PDFDocument, style: TableStyle<string>, row: TableRow<string>): number {
  const column = style.columns.find((candidate) => candidate.key === style.wrapKey)!
  doc.font(FONT_REGULAR).fontSize(style.fontSize)
  let height = Math.min(doc.heightOfString(row.cells[style.wrapKey], { width: column.width }), MAX_DESCRIPTION_HEIGHT)
  if (row.notes && row.notes.length > 0) {
    doc.fontSize(style.noteSize)
    height += doc.heightOfString(row.notes.join("\n"), { width: column.width })
  }
  return height
}

/** The height of a body row: its wrapped column, at least one line of the others. */
export function measureRow<Key extends string>(doc: PDFKit.PDFDocument, style: TableStyle<Key>, row: TableRow<Key>): number {
  doc.font(FONT_REGULAR).fontSize(style.fontSize)
  const oneLine = doc.currentLineHeight(true)
  return Math.max(oneLine, wrappedHeight(doc, style, row)) + 2 * TABLE_ROW_PADDING
}

/**
 * Sets the size at which a heading wraps only between words ("Stawka VAT" in a narrow column
 * would otherwise break as "Stawk" / "a VAT") and returns the heading's height.
 */
function fitHeading(doc: PDFKit.PDFDocument, text: string, width: number, size: number): number {
  doc.font(FONT_BOLD)
  const longestWord = text.split(/\s+/).reduce((longest, word) => (word.length > longest.length ? word : longest), "")
  fitFontSize(doc, longestWord, width, size)
  return doc.heightOfString(text, { width })
}

export function measureHeadingRow<Key extends string>(
  doc: PDFKit.PDFDocument,
  style: TableStyle<Key>,
  headings: Record<Key, string>
): number {
  const heights = style.columns.map((column) => fitHeading(doc, headings[column.key], column.width, style.fontSize))
  return Math.max(...heights) + 2 * TABLE_ROW_PADDING
}

/** Headings in bold, wrapped within their columns, and a dark rule under them; returns the y below. */
export function drawHeadingRow<Key extends string>(
  doc: PDFKit.PDFDocument,
  style: TableStyle<Key>,
  headings: Record<Key, string>,
  top: number
): number {
  const height = measureHeadingRow(doc, style, headings)
  doc.fillColor(TEXT_COLOR)
  for (const column of style.columns) {
    fitHeading(doc, headings[column.key], column.width, style.fontSize)
    doc.text(headings[column.key], column.x, top + TABLE_ROW_PADDING, { width: column.width, align: column.align })
  }
  drawRule(doc, top + height, TEXT_COLOR, 0.8, style.left, style.right)
  return top + height
}

/** One body row (`height` from measureRow) and a light rule under it; returns the y below. */
export function drawRow<Key extends string>(
  doc: PDFKit.PDFDocument,
  style: TableStyle<Key>,
  row: TableRow<Key>,
  top: number,
  height = measureRow(doc, style, row)
): number {
  const y = top + TABLE_ROW_PADDING
  doc.font(FONT_REGULAR).fillColor(TEXT_COLOR)
  for (const column of style.columns) {
    const text = row.cells[column.key]
    if (column.key === style.wrapKey) {
      doc.fontSize(style.fontSize)
      const options = { width: column.width, align: column.align, height: MAX_DESCRIPTION_HEIGHT, ellipsis: true }
      doc.text(text, column.x, y, options)
      if (row.notes && row.notes.length > 0) {
        doc.fontSize(style.noteSize).fillColor(MUTED_COLOR)
        doc.text(row.notes.join("\n"), column.x, doc.y, { width: column.width, align: column.align })
        doc.fillColor(TEXT_COLOR)
      }
    } else {
      const size = fitFontSize(doc, text, column.width, style.fontSize)
      drawOneLine(doc, text, column, y + baselineShift(doc, style.fontSize, size))
    }
  }
  drawRule(doc, top + height, RULE_COLOR, 0.5, style.left, style.right)
  return top + height
}
