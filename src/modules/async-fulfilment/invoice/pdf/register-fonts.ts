import { readFileSync } from "fs"
import { createRequire } from "module"
import { defaultInvoiceFonts, type InvoiceFonts } from "./default-fonts"
import type { FontkitFont } from "./fontkit-internals"
import { keepGlyphCodePointsExact, shareWordLayouts } from "./share-word-layouts"
import { FONT_BOLD, FONT_REGULAR } from "./style-sheet"
import { writeTrueTypeSubsetsFast } from "./truetype-subset-writer"

// pdfkit's own fontkit, so the parsed fonts are the kind pdfkit expects.
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(data: Uint8Array): unknown }

const fontFiles = new Map<string, Buffer>()
const parsedFonts = new Map<string, FontkitFont>()

function readFontFile(path: string): Buffer {
  let file = fontFiles.get(path)
  if (!file) {
    file = readFileSync(path)
    fontFiles.set(path, file)
  }
  return file
}

function parseFont(path: string): FontkitFont {
  const font = fontkit.create(readFontFile(path)) as Partial<FontkitFont> | null
  if (typeof font?.layout !== "function") {
    throw new Error("not a single TrueType or OpenType font (a .ttc collection is not supported)")
  }
  keepGlyphCodePointsExact(font as FontkitFont)
  shareDecodedGlyphs(font as FontkitFont)
  writeTrueTypeSubsetsFast(font as FontkitFont)
  return font as FontkitFont
}

/**
 * Subsetting decodes the outline of every glyph it embeds, only to learn whether it is composite:
 * a fifth of a render. The Glyph objects that would remember it are dropped with every document
 * (see fontForNewDocument), so the decoded outlines are kept per font, by glyph id. Nothing
 * writes to them unless the font has variations (their processor moves the points): those fonts
 * decode per document as before.
 */
function shareDecodedGlyphs(font: FontkitFont): void {
  if (typeof font.getGlyph !== "function" || font._variationProcessor) return
  const decoded = new Map<number, unknown>()
  const getGlyph = font.getGlyph.bind(font)
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints)
    const decode = glyph?._decode
    if (glyph && typeof decode === "function" && !Object.prototype.hasOwnProperty.call(glyph, "_decode")) {
      glyph._decode = () => {
        if (!decoded.has(id)) decoded.set(id, decode.call(glyph))
        return decoded.get(id)
      }
    }
    return glyph
  }
}

/**
 * Parsing a font's layout tables costs ~30 ms, several times a whole render, so each font is
 * parsed once per process. But fontkit also caches Glyph objects together with the code points
 * of their first use, and subsetting creates the parts of composite glyphs ("e" in "ę") with none;
 * those code points become the PDF's ToUnicode map. Shared as is, one invoice would lose letters
 * from its text because an earlier one printed "ę": the glyph cache is emptied for every document.
 */
function fontForNewDocument(path: string, role: keyof InvoiceFonts): FontkitFont | Buffer {
  try {
    let font = parsedFonts.get(path)
    if (!font) {
      font = parseFont(path)
      parsedFonts.set(path, font)
    }
    if (typeof font._glyphs !== "object" || font._glyphs === null) {
      // fontkit no longer keeps the cache where expected: let pdfkit parse the font per document.
      return readFontFile(path)
    }
    font._glyphs = {}
    return font
  } catch (error) {
    throw new Error(`Cannot load the invoice's ${role} font ${path}: ${(error as Error).message}`)
  }
}

/**
 * Registers FONT_REGULAR and FONT_BOLD in a new document: the given fonts, or DejaVu Sans.
 * The document must then be drawn and ended synchronously, before another one is started.
 */
export function registerInvoiceFonts(doc: PDFKit.PDFDocument, fonts: InvoiceFonts = defaultInvoiceFonts()): void {
  // pdfkit (≥ 0.20) takes parsed fontkit fonts; its typings only list files and bytes.
  doc.registerFont(FONT_REGULAR, fontForNewDocument(fonts.regular, "regular") as PDFKit.Mixins.PDFFontSource)
  doc.registerFont(FONT_BOLD, fontForNewDocument(fonts.bold, "bold") as PDFKit.Mixins.PDFFontSource)
  // in this order, as the renderers first use them: the fonts' PDF names (F1, F2) stay as they were
  shareWordLayouts(doc, FONT_REGULAR)
  shareWordLayouts(doc, FONT_BOLD)
}
