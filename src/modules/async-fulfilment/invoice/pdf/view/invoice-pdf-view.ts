import type { LineColumnKey, SummaryColumnKey } from "../style-sheet"

/** A party as printed: a heading ("Sprzedawca"), the name in bold, then one entry per line. */
export interface PdfPartyBlock {
  heading: string
  name: string
  lines: string[]
}

export interface PdfLineRow {
  cells: Record<LineColumnKey, string>
  /** smaller lines under the description: SKU, discount */
  notes: string[]
}

export interface PdfTotalLine {
  label: string
  amount: string
  /** the gross total and the amount due: bold, with a rule above */
  emphasis: boolean
}

export interface PdfTextBlock {
  title: string
  lines: string[]
}

/**
 * Everything the invoice PDF prints, formatted in the invoice's locale and language; the drawing
 * code only places it. Lists are never null: an empty list prints nothing.
 */
export interface InvoicePdfView {
  title: string
  number: string
  /** "Data wystawienia: 2 marca 2026", …, right under the title */
  meta: string[]
  seller: PdfPartyBlock
  buyer: PdfPartyBlock
  deliverTo: PdfPartyBlock | null
  lineHeadings: Record<LineColumnKey, string>
  lines: PdfLineRow[]
  summaryTitle: string
  summaryHeadings: Record<SummaryColumnKey, string>
  summary: Array<Record<SummaryColumnKey, string>>
  /** exemption and reverse-charge reasons of the summary's categories */
  summaryNotes: string[]
  totals: PdfTotalLine[]
  payment: PdfTextBlock
  notes: PdfTextBlock | null
  /** left of "Page x of y" on every page */
  footer: string
  pageOf: string
}
