import { execFileSync } from "child_process"
import { mkdtempSync, rmSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import { join } from "path"

type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue }
type PdfDict = { [key: string]: PdfValue }

interface QpdfObject {
  value?: PdfValue
  stream?: { dict: PdfDict; data?: string }
}

interface QpdfJson {
  attachments: Record<string, { filespec: string; streams: Record<string, { mimetype?: string }> }>
  qpdf: [{ pdfversion: string }, Record<string, QpdfObject>]
}

/** A PDF as `qpdf --json` (v2) describes it, with references resolved on demand. */
export class QpdfView {
  readonly version: string
  readonly attachments: QpdfJson["attachments"]
  private readonly objects: Record<string, QpdfObject>
  readonly trailer: PdfDict

  constructor(json: QpdfJson) {
    this.version = json.qpdf[0].pdfversion
    this.attachments = json.attachments
    this.objects = json.qpdf[1]
    this.trailer = this.objects.trailer.value as PdfDict
  }

  /** "3 0 R" → the object's dictionary (a stream's dictionary for a stream); other values as they are. */
  resolve(value: PdfValue): PdfValue {
    if (typeof value === "string" && / \d+ R$/.test(value)) {
      const object = this.objects[`obj:${value}`]
      return object.stream ? object.stream.dict : (object.value ?? null)
    }
    return value
  }

  dict(value: PdfValue): PdfDict {
    return this.resolve(value) as PdfDict
  }

  /** A stream's decoded data. */
  streamData(reference: string): Buffer {
    const data = this.objects[`obj:${reference}`]?.stream?.data
    if (data === undefined) throw new Error(`${reference} is no stream with inline data`)
    return Buffer.from(data, "base64")
  }

  get catalog(): PdfDict {
    return this.dict(this.trailer["/Root"])
  }

  /** Every dictionary (stream dictionaries included) of the file. */
  allDicts(): PdfDict[] {
    return Object.values(this.objects).flatMap((object) => {
      if (object.stream) return [object.stream.dict]
      const value = object.value
      return value !== null && typeof value === "object" && !Array.isArray(value) ? [value] : []
    })
  }
}

export function readQpdfJson(pdf: Buffer): QpdfView {
  const dir = mkdtempSync(join(tmpdir(), "qpdf-json-"))
  try {
    const file = join(dir, "invoice.pdf")
    writeFileSync(file, pdf)
    const json = execFileSync("qpdf", ["--json", "--json-stream-data=inline", "--decode-level=generalized", file], {
      maxBuffer: 64 * 1024 * 1024,
    })
    return new QpdfView(JSON.parse(json.toString("utf8")) as QpdfJson)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
