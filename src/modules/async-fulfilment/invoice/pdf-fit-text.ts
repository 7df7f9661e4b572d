const MIN_FONT_SIZE = 6
// Headroom against rounding: text exactly as wide as its box may still wrap in pdfkit.
const WIDTH_SLACK = 0.98
// Ascender of Helvetica and Helvetica-Bold, in em (718/1000 in their AFM files).
const HELVETICA_ASCENT = 0.718

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

/** How far down to move text set in `fittedSize` so it shares the baseline of text set in `size`. */
export function baselineShift(size: number, fittedSize: number): number {
  return (size - fittedSize) * HELVETICA_ASCENT
}
