import type { InvoiceContent, InvoiceTableRow } from "../../content/invoice-content"
import { baselineShift, fitFontSize } from "../fit-text"
import {
  CONTENT_BOTTOM,
  CONTENT_LEFT,
  CONTENT_RIGHT,
  FONT_BOLD,
  FONT_REGULAR,
  FONT_SIZE,
  MARGINS,
  MAX_DESCRIPTION_HEIGHT,
  RULE_COLOR,
  TABLE_ROW_PADDING,
  TEXT_COLOR,
} from "../style-sheet"
import { CONTENT_TABLE_COLUMNS as TABLE_COLUMNS, type ContentTableColumn as TableColumn } from "./content-table-columns"

type CellTexts = Record<TableColumn["key"], string>

function cellOptions(column: TableColumn): PDFKit.Mixins.TextOptions {
  return column.key === "description"
    ? { width: column.width, align: column.align, height: MAX_DESCRIPTION_HEIGHT, ellipsis: true }
    : { width: column.width, align: column.align }
}

/** Sets and returns the cell's font size: descriptions wrap, numbers shrink to stay on one line. */
function applyCellFontSize(doc: PDFKit.PDFDocument, column: TableColumn, text: string): number {
  if (column.key === "description") {
    doc.fontSize(FONT_SIZE.table)
    return FONT_SIZE.table
  }
  return fitFontSize(doc, text, column.width, FONT_SIZE.table)
}

function rowHeight(doc: PDFKit.PDFDocument, cells: CellTexts): number {
  let height = 0
  for (const column of TABLE_COLUMNS) {
    applyCellFontSize(doc, column, cells[column.key])
    height = Math.max(height, doc.heightOfString(cells[column.key], { width: column.width }))
  }
  return Math.min(height, MAX_DESCRIPTION_HEIGHT) + 2 * TABLE_ROW_PADDING
}

function drawCells(doc: PDFKit.PDFDocument, cells: CellTexts, top: number): void {
  for (const column of TABLE_COLUMNS) {
    const size = applyCellFontSize(doc, column, cells[column.key])
    const y = top + TABLE_ROW_PADDING + baselineShift(doc, FONT_SIZE.table, size)
    doc.text(cells[column.key], column.x, y, cellOptions(column))
  }
}

function rule(doc: PDFKit.PDFDocument, y: number, color: string, width: number): void {
  doc.save().moveTo(CONTENT_LEFT, y).lineTo(CONTENT_RIGHT, y).lineWidth(width).strokeColor(color).stroke().restore()
}

function drawHeaderRow(doc: PDFKit.PDFDocument, headings: CellTexts, top: number): number {
  doc.font(FONT_BOLD).fillColor(TEXT_COLOR)
  const height = rowHeight(doc, headings)
  drawCells(doc, headings, top)
  rule(doc, top + height, TEXT_COLOR, 0.8)
  return top + height
}

function rowCells(row: InvoiceTableRow): CellTexts {
  const { description, quantity, unitPrice, taxRate, taxAmount, total } = row
  return { description, quantity, unitPrice, taxRate, taxAmount, total }
}

/**
 * Draws the line items from `top`, starting a new page (and repeating the header row) whenever
 * the next row would cross the bottom margin. Returns the y below the last row.
 */
export function drawLineItemsTable(doc: PDFKit.PDFDocument, content: InvoiceContent, top: number): number {
  const headings: CellTexts = content.labels.columns
  let y = drawHeaderRow(doc, headings, top)
  doc.font(FONT_REGULAR)
  for (const row of content.rows) {
    const cells = rowCells(row)
    const height = rowHeight(doc, cells)
    if (y + height > CONTENT_BOTTOM) {
      doc.addPage()
      y = drawHeaderRow(doc, headings, MARGINS.top)
      doc.font(FONT_REGULAR)
    }
    drawCells(doc, cells, y)
    y += height
    rule(doc, y, RULE_COLOR, 0.5)
  }
  return y
}
