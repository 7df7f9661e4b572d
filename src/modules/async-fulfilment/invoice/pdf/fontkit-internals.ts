/** The parts of fontkit's Glyph the font tricks of this folder touch. */
export interface FontkitGlyph {
  codePoints?: number[]
  _decode?: () => unknown
}

/** The parts of fontkit's Font the font tricks of this folder touch. */
export interface FontkitFont {
  layout: (...args: unknown[]) => unknown
  getGlyph?: (id: number, codePoints?: number[]) => FontkitGlyph | null
  _glyphs?: Record<number, FontkitGlyph | undefined>
  _variationProcessor?: unknown
}
