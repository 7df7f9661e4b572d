import { drawRule } from "./draw-table"
import { fitFontSize } from "./fit-text"
import { drawTextLines } from "./text-lines"
import {
  CONTENT_LEFT,
  CONTENT_RIGHT,
  CONTENT_WIDTH,
  FONT_BOLD,
  FONT_REGULAR,
  FONT_SIZE,
  MARGINS,
  MUTED_COLOR,
  TEXT_COLOR,
} from "./style-sheet"
import type { InvoicePdfView, PdfPartyBlock } from "./view/invoice-pdf-view"

const SELLER_WIDTH = 270
const META_WIDTH = 215
const PARTY_GAP = 20
const PARTY_WIDTH = (CONTENT_WIDTH - PARTY_GAP) / 2
const SECTION_GAP = 18

/** Heading in small muted capitals, the name in bold, then the lines; returns the y below. */
function drawParty(doc: PDFKit.PDFDocument, party: PdfPartyBlock, x: number, top: number, width: number): number {
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.blockHeading).fillColor(MUTED_COLOR)
  doc.text(party.heading.toUpperCase(), x, top, { width })
  doc.moveDown(0.25).fillColor(TEXT_COLOR)
  if (party.name) {
    doc.fontSize(FONT_SIZE.partyName).text(party.name, x, doc.y, { width })
  }
  doc.font(FONT_REGULAR).fontSize(FONT_SIZE.party)
  return drawTextLines(doc, party.lines, { x, width, align: "left" }, doc.y)
}

function drawTitleAndMeta(doc: PDFKit.PDFDocument, view: InvoicePdfView, top: number): number {
  const x = CONTENT_RIGHT - META_WIDTH
  const title = view.title.toUpperCase()
  doc.font(FONT_BOLD).fillColor(TEXT_COLOR)
  // "FAKTURA KORYGUJĄCA" would wrap at the full size
  fitFontSize(doc, title, META_WIDTH, FONT_SIZE.modelTitle)
  doc.text(title, x, top, { width: META_WIDTH, align: "right" })
  doc.moveDown(0.2).font(FONT_REGULAR).fontSize(FONT_SIZE.party)
  return drawTextLines(doc, view.meta, { x, width: META_WIDTH, align: "right" }, doc.y)
}

/**
 * First page: seller top left, title and the invoice's dates top right, then buyer and deliver-to
 * side by side. Returns the y where the table may start.
 */
export function drawFirstPageHeader(doc: PDFKit.PDFDocument, view: InvoicePdfView): number {
  const top = MARGINS.top
  const sellerBottom = drawParty(doc, view.seller, CONTENT_LEFT, top, SELLER_WIDTH)
  const headerBottom = Math.max(sellerBottom, drawTitleAndMeta(doc, view, top))
  const partiesTop = headerBottom + SECTION_GAP
  let partiesBottom = drawParty(doc, view.buyer, CONTENT_LEFT, partiesTop, PARTY_WIDTH)
  if (view.deliverTo) {
    const x = CONTENT_LEFT + PARTY_WIDTH + PARTY_GAP
    partiesBottom = Math.max(partiesBottom, drawParty(doc, view.deliverTo, x, partiesTop, PARTY_WIDTH))
  }
  return partiesBottom + SECTION_GAP
}

/** Continuation pages: the seller's name, the title and number on one line, a rule under them. */
export function drawContinuationHeader(doc: PDFKit.PDFDocument, view: InvoicePdfView): number {
  const top = MARGINS.top
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.partyName).fillColor(TEXT_COLOR)
  const half = { width: CONTENT_WIDTH / 2, lineBreak: false, ellipsis: true }
  doc.text(view.seller.name, CONTENT_LEFT, top, half)
  doc.text(`${view.title} ${view.number}`, CONTENT_LEFT + CONTENT_WIDTH / 2, top, { ...half, align: "right" })
  const bottom = top + doc.currentLineHeight(true) + 4
  drawRule(doc, bottom, TEXT_COLOR, 0.8)
  return bottom + SECTION_GAP
}
