// Control characters have no glyph and would print as boxes. Tabs and other breaks become spaces
// or line breaks; the rest is dropped. Every printable character is kept as it is.
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g
const SPACING_CONTROLS = /[\t\v\f]/g
const OTHER_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g

/** NFC text without control characters other than "\n" (NFC: "o" + combining acute prints as "ó"). */
export function printableText(text: string): string {
  return text
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(SPACING_CONTROLS, " ")
    .replace(OTHER_CONTROLS, "")
}

/** Deep copy of a plain data value with every string passed through printableText; Dates are kept. */
export function mapPrintableText<T>(value: T): T {
  if (typeof value === "string") {
    return printableText(value) as T
  }
  if (Array.isArray(value)) {
    return value.map((entry) => mapPrintableText(entry)) as T
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(value)) {
      copy[key] = mapPrintableText(entry)
    }
    return copy as T
  }
  return value
}
