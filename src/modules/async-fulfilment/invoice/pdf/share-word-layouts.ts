import type { FontkitFont } from "./fontkit-internals"

/** The parts of pdfkit's EmbeddedFont (one per font and document) this module touches. */
interface PdfkitEmbeddedFont {
  font?: object
  layoutRun?: (text: string) => unknown
  layoutCached?: (text: string) => unknown
}

/** What pdfkit reads of a shaped word (EmbeddedFont.layout and encode): no fontkit objects kept. */
interface WordLayout {
  glyphs: SlimGlyph[]
  positions: unknown[]
  advanceWidth: number
}
interface SlimGlyph {
  id: number
  advanceWidth: number
  codePoints: number[]
}
interface FontkitRun {
  glyphs: Array<{ id: number; advanceWidth: number; codePoints: number[] }>
  positions: unknown[]
  advanceWidth: number
}

// Words of labels, names and amounts; a store's worker meets a few thousand. A word kept costs
// about 0.3 KiB; past the bound the map starts afresh.
const MAX_WORDS_PER_FONT = 5_000

interface FontLayouts {
  words: Map<string, WordLayout>
  glyphs: Map<string, SlimGlyph>
}
const layoutsByFont = new WeakMap<object, FontLayouts>()

function slimGlyph(layouts: FontLayouts, glyph: FontkitRun["glyphs"][number]): SlimGlyph {
  const key = `${glyph.id}:${glyph.codePoints.join(",")}`
  let slim = layouts.glyphs.get(key)
  if (!slim) {
    slim = { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [...glyph.codePoints] }
    layouts.glyphs.set(key, slim)
  }
  return slim
}

function wordLayout(layouts: FontLayouts, run: FontkitRun): WordLayout {
  return {
    glyphs: run.glyphs.map((glyph) => slimGlyph(layouts, glyph)),
    positions: run.positions,
    advanceWidth: run.advanceWidth,
  }
}

const sameCodePoints = (a: number[] = [], b: number[] = []) =>
  a.length === b.length && a.every((code, index) => code === b[index])

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
 * copies what it adjusts), so it is kept per parsed font for the process, as the few fields pdfkit
 * reads: the document's font of `fontName` reads and fills the shared map.
 */
export function shareWordLayouts(doc: PDFKit.PDFDocument, fontName: string): void {
  doc.font(fontName)
  const embedded = (doc as unknown as { _font?: PdfkitEmbeddedFont })._font
  if (!embedded?.font || typeof embedded.layoutRun !== "function" || typeof embedded.layoutCached !== "function") {
    return // another pdfkit than the one this was written for: it keeps its own per-document cache
  }
  let layouts = layoutsByFont.get(embedded.font)
  if (!layouts) {
    layouts = { words: new Map(), glyphs: new Map() }
    layoutsByFont.set(embedded.font, layouts)
  }
  const shared = layouts
  const layoutRun = embedded.layoutRun.bind(embedded) as (text: string) => FontkitRun
  embedded.layoutCached = (text) => {
    let layout = shared.words.get(text)
    if (layout === undefined) {
      layout = wordLayout(shared, layoutRun(text))
      if (shared.words.size >= MAX_WORDS_PER_FONT) {
        shared.words.clear()
        shared.glyphs.clear()
      }
      shared.words.set(text, layout)
    }
    return layout
  }
}
