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

// Names the fonts are registered under in each document (see register-fonts.ts).
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
  // the invoice model's layout: nine table columns and two closing columns need smaller type
  modelTitle: 18,
  partyName: 10.5,
  party: 8.5,
  lineTable: 7.5,
  lineNote: 6.5,
  closing: 8.5,
}

export const TEXT_COLOR = "#111111"
export const MUTED_COLOR = "#666666"
export const RULE_COLOR = "#cccccc"

/** A column of a drawn table: where it sits and how its text aligns. */
export interface TableColumn<Key extends string = string> {
  key: Key
  x: number
  width: number
  align: "left" | "right"
}

/**
 * Lays columns out from `left`, `gap` points apart; the one column given without a width takes
 * what the others leave of `totalWidth`.
 */
export function layoutColumns<Key extends string>(
  left: number,
  totalWidth: number,
  gap: number,
  columns: Array<{ key: Key; width?: number; align: "left" | "right" }>
): Array<TableColumn<Key>> {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0)
  const flexible = totalWidth - fixed - gap * (columns.length - 1)
  let x = left
  return columns.map((column) => {
    const laidOut = { key: column.key, x, width: column.width ?? flexible, align: column.align }
    x += laidOut.width + gap
    return laidOut
  })
}

export type LineColumnKey =
  | "position"
  | "description"
  | "quantity"
  | "unit"
  | "netUnitPrice"
  | "netAmount"
  | "vatRate"
  | "vatAmount"
  | "grossAmount"

/** The lines table: nine columns over the full width, the description taking the rest. */
export const LINE_COLUMNS = layoutColumns<LineColumnKey>(CONTENT_LEFT, CONTENT_WIDTH, 4, [
  { key: "position", width: 16, align: "right" },
  { key: "description", align: "left" },
  { key: "quantity", width: 30, align: "right" },
  { key: "unit", width: 26, align: "left" },
  { key: "netUnitPrice", width: 54, align: "right" },
  { key: "netAmount", width: 58, align: "right" },
  { key: "vatRate", width: 34, align: "right" },
  { key: "vatAmount", width: 52, align: "right" },
  { key: "grossAmount", width: 60, align: "right" },
])

/** The closing part of the last page: payment and notes on the left, VAT summary and totals on the right. */
export const CLOSING_RIGHT_WIDTH = 268
export const CLOSING_RIGHT_LEFT = CONTENT_RIGHT - CLOSING_RIGHT_WIDTH
export const CLOSING_LEFT_WIDTH = CONTENT_WIDTH - CLOSING_RIGHT_WIDTH - 16

export type SummaryColumnKey = "rate" | "taxableAmount" | "vatAmount" | "grossAmount"

export const SUMMARY_COLUMNS = layoutColumns<SummaryColumnKey>(CLOSING_RIGHT_LEFT, CLOSING_RIGHT_WIDTH, 6, [
  { key: "rate", align: "left" },
  { key: "taxableAmount", width: 72, align: "right" },
  { key: "vatAmount", width: 66, align: "right" },
  { key: "grossAmount", width: 72, align: "right" },
])

/** A description longer than this is cut with an ellipsis, so one row always fits on a page. */
export const MAX_DESCRIPTION_HEIGHT = 140
export const TABLE_ROW_PADDING = 4
