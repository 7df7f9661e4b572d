import { readFileSync } from "fs"
import { dirname, join } from "path"
import { FONT_BOLD, FONT_REGULAR } from "./pdf-geometry"

/** TrueType or OpenType font files to print the invoice with, as absolute paths. */
export interface InvoiceFonts {
  regular: string
  bold: string
}

const fileCache = new Map<string, Buffer>()

// Resolved on first use, not on import, and through the package so it works wherever npm put it.
function dejaVuSans(): InvoiceFonts {
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
  return { regular: join(dir, "DejaVuSans.ttf"), bold: join(dir, "DejaVuSans-Bold.ttf") }
}

function fontFile(path: string, role: keyof InvoiceFonts): Buffer {
  let file = fileCache.get(path)
  if (!file) {
    try {
      file = readFileSync(path)
    } catch (error) {
      throw new Error(`Cannot read the invoice's ${role} font ${path}: ${(error as Error).message}`)
    }
    fileCache.set(path, file)
  }
  return file
}

/** Registers FONT_REGULAR and FONT_BOLD in the document: the given fonts, or DejaVu Sans. */
export function registerInvoiceFonts(doc: PDFKit.PDFDocument, fonts: InvoiceFonts = dejaVuSans()): void {
  doc.registerFont(FONT_REGULAR, fontFile(fonts.regular, "regular"))
  doc.registerFont(FONT_BOLD, fontFile(fonts.bold, "bold"))
}
