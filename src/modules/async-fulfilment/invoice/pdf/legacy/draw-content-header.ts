import type { InvoiceContent } from "../../content/invoice-content"
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
} from "../style-sheet"

const SELLER_WIDTH = 260
const META_WIDTH = 220
const PARTY_WIDTH = 230
const PARTY_GAP = 30
const SECTION_GAP = 24

function drawSeller(doc: PDFKit.PDFDocument, seller: string[], top: number): number {
  const [name = "", ...rest] = seller
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.sellerName).fillColor(TEXT_COLOR)
  doc.text(name, CONTENT_LEFT, top, { width: SELLER_WIDTH })
  if (rest.length > 0) {
    doc.moveDown(0.2).font(FONT_REGULAR).fontSize(FONT_SIZE.body)
    doc.text(rest.join("\n"), CONTENT_LEFT, doc.y, { width: SELLER_WIDTH })
  }
  return doc.y
}

function drawTitleAndMeta(doc: PDFKit.PDFDocument, content: InvoiceContent, top: number): number {
  const x = CONTENT_RIGHT - META_WIDTH
  const { labels } = content
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.title).fillColor(TEXT_COLOR)
  doc.text(content.title.toUpperCase(), x, top, { width: META_WIDTH, align: "right" })
  const meta = [
    `${labels.invoiceNumber}: ${content.invoiceNumber}`,
    `${labels.issueDate}: ${content.issueDate}`,
    `${labels.orderDate}: ${content.orderDate}`,
    `${labels.order}: ${content.orderDisplayId}`,
  ]
  doc.moveDown(0.3).font(FONT_REGULAR).fontSize(FONT_SIZE.body)
  doc.text(meta.join("\n"), x, doc.y, { width: META_WIDTH, align: "right" })
  return doc.y
}

function drawParty(doc: PDFKit.PDFDocument, heading: string, lines: string[], x: number, top: number): number {
  doc.font(FONT_BOLD).fontSize(FONT_SIZE.blockHeading).fillColor(MUTED_COLOR)
  doc.text(heading.toUpperCase(), x, top, { width: PARTY_WIDTH })
  doc.moveDown(0.3).font(FONT_REGULAR).fontSize(FONT_SIZE.body).fillColor(TEXT_COLOR)
  doc.text(lines.join("\n"), x, doc.y, { width: PARTY_WIDTH })
  return doc.y
}

/** Seller top-left, title and invoice data top-right, then "Bill to" / "Ship to"; returns the y below. */
export function drawInvoiceHeader(doc: PDFKit.PDFDocument, content: InvoiceContent): number {
  const top = MARGINS.top
  const headerBottom = Math.max(drawSeller(doc, content.seller, top), drawTitleAndMeta(doc, content, top))

  const partiesTop = headerBottom + SECTION_GAP
  let partiesBottom = partiesTop
  if (content.buyer.length > 0) {
    partiesBottom = drawParty(doc, content.labels.billTo, content.buyer, CONTENT_LEFT, partiesTop)
  }
  if (content.shipTo.length > 0) {
    const x = CONTENT_LEFT + Math.min(PARTY_WIDTH + PARTY_GAP, CONTENT_WIDTH - PARTY_WIDTH)
    partiesBottom = Math.max(partiesBottom, drawParty(doc, content.labels.shipTo, content.shipTo, x, partiesTop))
  }
  return partiesBottom + SECTION_GAP
}
