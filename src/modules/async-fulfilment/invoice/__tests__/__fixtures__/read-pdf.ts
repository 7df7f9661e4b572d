// The package's index.js runs a debug self-test when loaded without a parent module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfParse = require("pdf-parse/lib/pdf-parse.js") as (
  data: Uint8Array,
  options?: { pagerender?: (page: PdfJsPage) => Promise<string> }
) => Promise<{ text: string; numpages: number }>

interface PdfJsPage {
  getTextContent(): Promise<{ items: Array<{ str: string; transform: number[] }> }>
}

// Intl puts no-break spaces (fr, pl: narrow ones) in amounts.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

/**
 * The text of each page as printed lines: items on one baseline, left to right, joined by a space,
 * lines from the top down (a table row reads as one line, the notes under a cell after it).
 */
export async function readPdfPages(pdf: Buffer): Promise<string[]> {
  const pages: string[] = []
  const pagerender = async (page: PdfJsPage) => {
    const { items } = await page.getTextContent()
    const placed = items
      .filter((item) => item.str.trim() !== "")
      .map((item) => ({ text: item.str.trim(), x: item.transform[4], y: item.transform[5] }))
      .sort((a, b) => (Math.abs(a.y - b.y) < 0.5 ? a.x - b.x : b.y - a.y))
    const lines: Array<{ y: number; parts: string[] }> = []
    for (const item of placed) {
      const line = lines[lines.length - 1]
      if (line && Math.abs(line.y - item.y) < 0.5) line.parts.push(item.text)
      else lines.push({ y: item.y, parts: [item.text] })
    }
    const text = plainSpaces(lines.map((line) => line.parts.join(" ")).join("\n"))
    pages.push(text)
    return text
  }
  // pdf.js reads the Buffer's whole backing ArrayBuffer; a small Buffer is a slice of Node's pool.
  await pdfParse(new Uint8Array(pdf), { pagerender })
  return pages
}

export async function readPdfText(pdf: Buffer): Promise<string> {
  return (await readPdfPages(pdf)).join("\n")
}
