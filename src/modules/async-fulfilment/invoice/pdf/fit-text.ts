const MIN_FONT_SIZE = 6
// Headroom against rounding: text exactly as wide as its box may still wrap in pdfkit.
export const WIDTH_SLACK = 0.98

/**
 * Sets and returns the font size, at most `size`, at which `text` fits on one line of `width`
 * points in the current font. Amounts are shrunk rather than wrapped, which would split
 * "987 654 IDR" into "987 654 I" / "DR".
 */
export function fitFontSize(doc: PDFKit.PDFDocument, text: string, width: number, size: number): number {
  doc.fontSize(size)
  const textWidth = doc.widthOfString(text)
  if (textWidth <= width * WIDTH_SLACK) {
    return size
  }
  const fitted = Math.max(MIN_FONT_SIZE, Math.floor(((size * width * WIDTH_SLACK) / textWidth) * 10) / 10)
  doc.fontSize(fitted)
  return fitted
}

// pdfkit places text's top at y and its baseline one ascender (in 1/1000 em) lower; the typings
// do not expose the current font, whose ascender differs between fonts (Helvetica 718, DejaVu 928).
function currentAscender(doc: PDFKit.PDFDocument): number {
  return (doc as unknown as { _font: { ascender: number } })._font.ascender / 1000
}

/** How far down to move text set in `fittedSize` so it shares the baseline of text set in `size` (current font). */
export function baselineShift(doc: PDFKit.PDFDocument, size: number, fittedSize: number): number {
  return (size - fittedSize) * currentAscender(doc)
}

/**
 * One line of text in a box, aligned by hand: without a width pdfkit skips its line wrapper, a
 * fifth of a render's time when every number of the table goes through it. The text must fit
 * (see fitFontSize).
 */
export function drawOneLine(
  doc: PDFKit.PDFDocument,
  text: string,
  box: { x: number; width: number; align: "left" | "right" },
  y: number
): void {
  const x = box.align === "right" ? box.x + box.width - doc.widthOfString(text) : box.x
  doc.text(text, x, y, { lineBreak: false })
}
