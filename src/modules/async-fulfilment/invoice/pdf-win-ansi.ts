/**
 * pdfkit's built-in fonts (Helvetica) encode text as WinAnsi (Windows-1252). A character outside
 * it is not dropped but written as a broken hex code, so every string goes through toWinAnsi first:
 * Polish "zł" prints as "zl", "Łódź" as "Lódz", rather than as garbage.
 */

// Unicode code points that Windows-1252 holds in 0x80–0x9F.
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
])

// Letters without a decomposition to an encodable base letter, and characters Intl emits.
const REPLACEMENTS: Record<string, string> = {
  "ł": "l",
  "Ł": "L",
  "đ": "d",
  "Đ": "D",
  "ħ": "h",
  "Ħ": "H",
  "ı": "i",
  "ŀ": "l",
  "Ŀ": "L",
  "\u2212": "-", // minus sign (sv, fi, … negative amounts)
  "\u2010": "-",
  "\u2011": "-",
  "\u202f": "\u00a0", // narrow no-break space (fr amounts)
  "\u2007": "\u00a0",
  "\t": " ",
}

const PLAIN_ASCII = /^[\x20-\x7e\n]*$/
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const OTHER_SPACE = /[\u2000-\u200a\u205f\u3000]/
const COMBINING_MARKS = /[\u0300-\u036f]/g

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  )
}

function isWinAnsiText(text: string): boolean {
  for (const char of text) {
    if (!isWinAnsi(char.codePointAt(0)!)) {
      return false
    }
  }
  return true
}

function toWinAnsiChar(char: string): string {
  if (isWinAnsi(char.codePointAt(0)!)) {
    return char
  }
  const replacement = REPLACEMENTS[char]
  if (replacement !== undefined) {
    return replacement
  }
  if (ZERO_WIDTH.test(char) || CONTROL.test(char)) {
    return ""
  }
  if (OTHER_SPACE.test(char)) {
    return " "
  }
  const base = char.normalize("NFD").replace(COMBINING_MARKS, "")
  return base && isWinAnsiText(base) ? base : "?"
}

export function toWinAnsi(text: string): string {
  if (PLAIN_ASCII.test(text)) {
    return text
  }
  let result = ""
  for (const char of text.normalize("NFC")) {
    result += toWinAnsiChar(char)
  }
  return result
}

/** Deep copy of a plain data value with every string passed through toWinAnsi; Dates are kept. */
export function mapToWinAnsi<T>(value: T): T {
  if (typeof value === "string") {
    return toWinAnsi(value) as T
  }
  if (Array.isArray(value)) {
    return value.map((entry) => mapToWinAnsi(entry)) as T
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(value)) {
      copy[key] = mapToWinAnsi(entry)
    }
    return copy as T
  }
  return value
}
