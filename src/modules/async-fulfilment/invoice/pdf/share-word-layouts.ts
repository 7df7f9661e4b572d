import type { FontkitFont } from "./fontkit-internals"

/** The parts of pdfkit's EmbeddedFont (one per font and document) this module touches. */
interface PdfkitEmbeddedFont {
  font?: object
  layoutRun?: (text: string) => unknown
  layoutCached?: (text: string) => unknown
}

// Words of labels, names and amounts; a store's worker meets a few thousand. Bounded all the same.
const MAX_WORDS_PER_FONT = 20_000
const layoutsByFont = new WeakMap<object, Map<string, unknown>>()

const sameCodePoints = (a: number[] = [], b: number[] = []) => a.length === b.length && a.every((code, index) => code === b[index])

/**
 * fontkit caches one Glyph per glyph id, carrying the code points of its first request, and the
 * PDF's ToUnicode map copies them: a glyph first met for another code point (or, with no code
 * point at all, as a part of a composite glyph during subsetting) would make the text read wrong.
 * A request whose code points differ gets a Glyph of its own, so each glyph carries the text it
 * was shaped from, whatever the font printed before (a precondition of sharing layouts below).
 */
export function keepGlyphCodePointsExact(font: FontkitFont): void {
  if (typeof font.getGlyph !== "function") return
  const getGlyph = font.getGlyph.bind(font)
  font.getGlyph = (id, codePoints) => {
    const cached = font._glyphs?.[id]
    if (!cached || !codePoints || codePoints.length === 0 || sameCodePoints(cached.codePoints, codePoints)) {
      return getGlyph(id, codePoints)
    }
    delete font._glyphs![id]
    const own = getGlyph(id, codePoints)
    font._glyphs![id] = cached
    return own
  }
}

/**
 * pdfkit shapes every word (fontkit's OpenType layout: about 40 % of a render) once per document
 * and forgets it with the document. A word's layout depends only on the font and the word (pdfkit
 * copies what it adjusts), so it is kept per parsed font for the process: the document's font of
 * `fontName` reads and fills the shared map. The map starts afresh beyond MAX_WORDS_PER_FONT.
 */
export function shareWordLayouts(doc: PDFKit.PDFDocument, fontName: string): void {
  doc.font(fontName)
  const embedded = (doc as unknown as { _font?: PdfkitEmbeddedFont })._font
  if (!embedded?.font || typeof embedded.layoutRun !== "function" || typeof embedded.layoutCached !== "function") {
    return // another pdfkit than the one this was written for: it keeps its own per-document cache
  }
  let layouts = layoutsByFont.get(embedded.font)
  if (!layouts) {
    layouts = new Map()
    layoutsByFont.set(embedded.font, layouts)
  }
  const shared = layouts
  const layoutRun = embedded.layoutRun.bind(embedded)
  embedded.layoutCached = (text) => {
    let run = shared.get(text)
    if (run === undefined) {
      run = layoutRun(text)
      if (shared.size >= MAX_WORDS_PER_FONT) shared.clear()
      shared.set(text, run)
    }
    return run
  }
}
