// pdf-parse's index.js runs a debug self-test when loaded without a parent module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfParse = require("pdf-parse/lib/pdf-parse.js") as (
  data: Uint8Array
) => Promise<{ text: string; numpages: number }>

/** The text of a PDF, with non-breaking spaces (Intl's currency formatting) made plain. */
export async function readPdfText(pdf: Buffer): Promise<string> {
  // pdf.js reads the whole backing ArrayBuffer; a small Buffer is a slice of Node's pool.
  const parsed = await pdfParse(new Uint8Array(pdf))
  return parsed.text.replace(/\u00a0|\u202f/g, " ")
}
