import type { FontkitFont } from "./fontkit-internals"

/** The parts of fontkit's TrueType Subset (one per font and document) this module touches. */
interface FontkitSubset {
  glyphs: number[]
  includeGlyph(gid: number): number
  encode(): Uint8Array
  cff?: unknown
}

interface TrueTypeFont extends FontkitFont {
  createSubset(): FontkitSubset
  stream: { buffer: Uint8Array }
  directory: { tables: Record<string, { offset: number; length: number } | undefined> }
  loca: { offsets: number[] }
}

interface GlyphRecord {
  bytes: Uint8Array
  advance: number
  leftBearing: number
  /** a composite glyph's parts: their glyph ids and where each id sits in `bytes` */
  components: Array<{ glyphID: number; pos: number }>
}

interface DecodedGlyph {
  numberOfContours: number
  components?: Array<{ glyphID: number; pos: number }>
}

// Tables a TrueType program embedded in a PDF carries (PDF 32000-1, 9.9), in the directory's tag order.
const TAGS = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"] as const
const COPIED = new Set(["cvt ", "fpgm", "prep"])

const pad4 = (length: number) => (length + 3) & ~3

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let sum = 0
  for (let offset = 0; offset < bytes.byteLength; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0
  return sum
}

function glyphRecord(font: TrueTypeFont, gid: number): GlyphRecord {
  const glyf = font.directory.tables.glyf!
  const start = glyf.offset + font.loca.offsets[gid]
  const bytes = font.stream.buffer.subarray(start, glyf.offset + font.loca.offsets[gid + 1])
  const glyph = font.getGlyph!(gid) as unknown as {
    advanceWidth: number
    _getMetrics(): { leftBearing: number }
    _decode(): DecodedGlyph | null
  }
  const decoded = bytes.length > 0 ? glyph._decode() : null
  const components = decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []) : []
  return { bytes, advance: glyph.advanceWidth, leftBearing: glyph._getMetrics().leftBearing, components }
}

/** A copy of a table's bytes (a Buffer's slice would share, and edits would reach the font). */
function rawTable(font: TrueTypeFont, tag: string): Uint8Array | null {
  const table = font.directory.tables[tag]
  return table ? new Uint8Array(font.stream.buffer.subarray(table.offset, table.offset + table.length)) : null
}

/** The glyph data, loca, hmtx of the subset; component ids renumbered, parts added as met. */
function glyphTables(subset: FontkitSubset, recordOf: (gid: number) => GlyphRecord) {
  const pieces: Uint8Array[] = []
  const offsets: number[] = []
  const metrics: Array<[number, number]> = []
  let offset = 0
  for (let index = 0; index < subset.glyphs.length; index++) {
    const record = recordOf(subset.glyphs[index])
    let bytes = record.bytes
    if (record.components.length > 0) {
      bytes = Uint8Array.from(bytes)
      const view = new DataView(bytes.buffer)
      for (const component of record.components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID))
    }
    offsets.push(offset)
    pieces.push(bytes)
    metrics.push([record.advance, record.leftBearing])
    offset += pad4(bytes.length)
  }
  offsets.push(offset)
  const glyf = new Uint8Array(offset)
  pieces.forEach((bytes, index) => glyf.set(bytes, offsets[index]))
  const loca = new Uint8Array(offsets.length * 4)
  offsets.forEach((value, index) => new DataView(loca.buffer).setUint32(index * 4, value))
  const hmtx = new Uint8Array(metrics.length * 4)
  const hmtxView = new DataView(hmtx.buffer)
  metrics.forEach(([advance, bearing], index) => {
    hmtxView.setUint16(index * 4, advance)
    hmtxView.setInt16(index * 4 + 2, bearing)
  })
  return { glyf, loca, hmtx, count: metrics.length }
}

function sfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const count = tables.size
  const power = 2 ** Math.floor(Math.log2(count))
  let offset = 12 + 16 * count
  const layout = [...tables].map(([tag, bytes]) => {
    const entry = { tag, bytes, offset }
    offset += pad4(bytes.length)
    return entry
  })
  const file = new Uint8Array(offset)
  const view = new DataView(file.buffer)
  view.setUint32(0, 0x00010000)
  view.setUint16(4, count)
  view.setUint16(6, power * 16)
  view.setUint16(8, Math.log2(power))
  view.setUint16(10, count * 16 - power * 16)
  layout.forEach(({ tag, bytes, offset: at }, index) => {
    const record = 12 + 16 * index
    for (let i = 0; i < 4; i++) view.setUint8(record + i, tag.charCodeAt(i))
    file.set(bytes, at)
    view.setUint32(record + 4, checksum(file.subarray(at, at + pad4(bytes.length))))
    view.setUint32(record + 8, at)
    view.setUint32(record + 12, bytes.length)
  })
  const head = layout.find((entry) => entry.tag === "head")!
  view.setUint32(head.offset + 8, (0xb1b0afba - checksum(file)) >>> 0)
  return file
}

function encodeSubset(
  font: TrueTypeFont,
  subset: FontkitSubset,
  recordOf: (gid: number) => GlyphRecord,
  copied: Map<string, Uint8Array>
): Uint8Array {
  const { glyf, loca, hmtx, count } = glyphTables(subset, recordOf)
  const head = rawTable(font, "head")!
  const headView = new DataView(head.buffer)
  headView.setUint32(8, 0) // checkSumAdjustment, set over the whole file at the end
  headView.setInt16(50, 1) // indexToLocFormat: long offsets
  const hhea = rawTable(font, "hhea")!
  new DataView(hhea.buffer).setUint16(34, count) // numberOfHMetrics: every glyph has its pair
  const maxp = rawTable(font, "maxp")!
  new DataView(maxp.buffer).setUint16(4, count) // numGlyphs
  const built: Record<string, Uint8Array> = { glyf, head, hhea, hmtx, loca, maxp }
  const tables = new Map<string, Uint8Array>()
  for (const tag of TAGS) {
    const bytes = COPIED.has(tag) ? copied.get(tag) : built[tag]
    if (bytes) tables.set(tag, bytes)
  }
  return sfnt(tables)
}

/**
 * fontkit writes a subset through its generic table encoder, element by element: with the hinting
 * tables DejaVu carries (cvt, prep, fpgm copied whole into every subset), a quarter of a render.
 * Each subset of a plain TrueType font (not variable, not CFF) is written here instead from the
 * bytes of the font file: the same tables, glyphs in the same order with the same numbers, plus
 * correct checksums and long, 4-byte aligned glyph offsets. Glyph records are kept per font.
 */
export function writeTrueTypeSubsetsFast(font: FontkitFont): void {
  const candidate = font as Partial<TrueTypeFont>
  const tables = candidate.directory?.tables
  if (
    typeof candidate.createSubset !== "function" ||
    !candidate.stream?.buffer ||
    !tables?.glyf ||
    !tables.head ||
    !tables.hhea ||
    !tables.maxp ||
    font._variationProcessor
  ) {
    return
  }
  const trueType = font as TrueTypeFont
  const records = new Map<number, GlyphRecord>()
  const recordOf = (gid: number) => {
    let record = records.get(gid)
    if (!record) {
      record = glyphRecord(trueType, gid)
      records.set(gid, record)
    }
    return record
  }
  const copied = new Map<string, Uint8Array>()
  for (const tag of COPIED) {
    const bytes = rawTable(trueType, tag)
    if (bytes) copied.set(tag, bytes)
  }
  const createSubset = trueType.createSubset.bind(trueType)
  trueType.createSubset = () => {
    const subset = createSubset()
    if (subset.cff === undefined && Array.isArray(subset.glyphs) && typeof subset.includeGlyph === "function") {
      subset.encode = () => encodeSubset(trueType, subset, recordOf, copied)
    }
    return subset
  }
}
