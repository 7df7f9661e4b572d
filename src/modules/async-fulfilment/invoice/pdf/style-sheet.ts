import type { InvoiceTableRow } from "../content/invoice-content"

// A4 in PDF points (1/72 in).
export const PAGE_WIDTH = 595.28
export const PAGE_HEIGHT = 841.89

// The bottom margin leaves room for the footer, which is drawn inside it.
export const MARGINS = { top: 50, bottom: 60, left: 50, right: 50 }

export const CONTENT_LEFT = MARGINS.left
export const CONTENT_RIGHT = PAGE_WIDTH - MARGINS.right
export const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT
/** Table rows and totals must end above this line. */
export const CONTENT_BOTTOM = PAGE_HEIGHT - MARGINS.bottom
export const FOOTER_TOP = PAGE_HEIGHT - 40

// Names the fonts are registered under in each document (see pdf-fonts.ts).
export const FONT_REGULAR = "InvoiceRegular"
export const FONT_BOLD = "InvoiceBold"

export const FONT_SIZE = {
  title: 22,
  sellerName: 12,
  body: 9.5,
  blockHeading: 8,
  table: 9,
  total: 10.5,
  footer: 8,
}

export const TEXT_COLOR = "#111111"
export const MUTED_COLOR = "#666666"
export const RULE_COLOR = "#cccccc"

export interface TableColumn {
  key: Exclude<keyof InvoiceTableRow, "kind">
  x: number
  width: number
  align: "left" | "right"
}

// Widths add up to CONTENT_WIDTH; the description takes what the numeric columns leave.
const NUMERIC_COLUMNS: Array<Omit<TableColumn, "x">> = [
  { key: "quantity", width: 36, align: "right" },
  { key: "unitPrice", width: 72, align: "right" },
  { key: "taxRate", width: 52, align: "right" },
  { key: "taxAmount", width: 68, align: "right" },
  { key: "total", width: 78, align: "right" },
]
const COLUMN_GAP = 6
const DESCRIPTION_WIDTH =
  CONTENT_WIDTH - NUMERIC_COLUMNS.reduce((sum, column) => sum + column.width + COLUMN_GAP, 0)

export const TABLE_COLUMNS: TableColumn[] = (() => {
  const columns: TableColumn[] = [{ key: "description", x: CONTENT_LEFT, width: DESCRIPTION_WIDTH, align: "left" }]
  let x = CONTENT_LEFT + DESCRIPTION_WIDTH
  for (const column of NUMERIC_COLUMNS) {
    x += COLUMN_GAP
    columns.push({ ...column, x })
    x += column.width
  }
  return columns
})()

/** A description longer than this is cut with an ellipsis, so one row always fits on a page. */
export const MAX_DESCRIPTION_HEIGHT = 140
export const TABLE_ROW_PADDING = 4
