import { drawOneLine, WIDTH_SLACK } from "./fit-text"

export interface TextBox {
  x: number
  width: number
  align: "left" | "right"
}

function fits(doc: PDFKit.PDFDocument, line: string, width: number): boolean {
  return doc.widthOfString(line) <= width * WIDTH_SLACK
}

// an entry may hold line breaks of its own (an address line typed with one)
const splitLines = (lines: string[]) => lines.flatMap((line) => line.split("\n"))

/** The height drawTextLines takes for these lines in the current font and size. */
export function measureTextLines(doc: PDFKit.PDFDocument, lines: string[], width: number): number {
  const lineHeight = doc.currentLineHeight(true)
  const heightOf = (line: string) => (fits(doc, line, width) ? lineHeight : doc.heightOfString(line, { width }))
  return splitLines(lines).reduce((height, line) => height + heightOf(line), 0)
}

/**
 * Lines of a block (an address, the invoice's dates) one under the other, as doc.text would set
 * them joined by "\n"; a line that fits its box is placed without pdfkit's line wrapper, the
 * costliest step of a render, and only a longer one wraps. Returns the y below the last line.
 */
export function drawTextLines(doc: PDFKit.PDFDocument, lines: string[], box: TextBox, top: number): number {
  const lineHeight = doc.currentLineHeight(true)
  let y = top
  for (const line of splitLines(lines)) {
    if (fits(doc, line, box.width)) {
      drawOneLine(doc, line, box, y)
      y += lineHeight
    } else {
      doc.text(line, box.x, y, { width: box.width, align: box.align })
      y = doc.y
    }
  }
  doc.y = y
  return y
}
