import { createRequire } from "module"
import { dirname, join } from "path"
import type { FontkitFont } from "../pdf/fontkit-internals"
import { writeTrueTypeSubsetsFast } from "../pdf/truetype-subset-writer"

interface Glyph {
  codePoints: number[]
  id: number
  advanceWidth: number
  path: { toSVG(): string }
}
interface Font extends FontkitFont {
  numGlyphs: number
  glyphForCodePoint(codePoint: number): Glyph
  getGlyph(id: number): Glyph
  createSubset(): { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array }
}

// pdfkit's own fontkit, the one the invoice fonts are parsed with
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as {
  openSync(path: string): Font
  create(data: Uint8Array): Font
}
const DEJAVU_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
// composites (ż, ó, ą, ś, Ω-with-tonos) whose parts join the subset while it is written
const TEXT = "Zażółć gęślą jaźń, Łódź – 1 234,56 zł; Ωμέγα Кириллица €"

function subsetOf(font: Font): { bytes: Uint8Array; glyphs: number[] } {
  const subset = font.createSubset()
  for (const character of TEXT) subset.includeGlyph(font.glyphForCodePoint(character.codePointAt(0)!).id)
  const bytes = subset.encode()
  return { bytes, glyphs: [...subset.glyphs] }
}

function uint32Sum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let sum = 0
  for (let offset = 0; offset < bytes.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0
  return sum
}

describe.each(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf"])("the fast TrueType subset of %s", (file) => {
  const reference = subsetOf(fontkit.openSync(join(DEJAVU_DIR, file)))
  const fastFont = fontkit.openSync(join(DEJAVU_DIR, file))
  writeTrueTypeSubsetsFast(fastFont)
  const fast = subsetOf(fastFont)

  it("numbers the glyphs as fontkit does, composite parts included", () => {
    expect(fast.glyphs).toEqual(reference.glyphs)
    expect(fast.glyphs.length).toBeGreaterThan(new Set(TEXT).size)
  })

  it("holds the same outlines and advance widths, glyph by glyph", () => {
    const expected = fontkit.create(Buffer.from(reference.bytes))
    const actual = fontkit.create(Buffer.from(fast.bytes))

    expect(actual.numGlyphs).toBe(expected.numGlyphs)
    for (let id = 0; id < expected.numGlyphs; id++) {
      expect([id, actual.getGlyph(id).advanceWidth]).toEqual([id, expected.getGlyph(id).advanceWidth])
      expect([id, actual.getGlyph(id).path.toSVG()]).toEqual([id, expected.getGlyph(id).path.toSVG()])
    }
  })

  it("is a well-formed sfnt: sorted tables with their checksums, the whole file summing to 0xB1B0AFBA", () => {
    const view = new DataView(fast.bytes.buffer, fast.bytes.byteOffset, fast.bytes.byteLength)
    const count = view.getUint16(4)
    const tags: string[] = []
    for (let index = 0; index < count; index++) {
      const record = 12 + 16 * index
      const tag = String.fromCharCode(...fast.bytes.subarray(record, record + 4))
      const offset = view.getUint32(record + 8)
      const length = view.getUint32(record + 12)
      const stored = tag === "head" ? null : view.getUint32(record + 4)
      tags.push(tag)
      expect(offset % 4).toBe(0)
      if (stored !== null) expect([tag, uint32Sum(fast.bytes.subarray(offset, offset + ((length + 3) & ~3)))]).toEqual([tag, stored])
    }

    expect(view.getUint32(0)).toBe(0x00010000)
    expect(tags).toEqual(["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"])
    expect(uint32Sum(fast.bytes)).toBe(0xb1b0afba)
  })
})
