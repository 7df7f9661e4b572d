import { execFile } from "child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { promisify } from "util"

const run = promisify(execFile)

/** Runs a poppler tool (poppler-utils) on the PDF in a temporary folder it then removes. */
async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-pdf-"))
  try {
    const file = path.join(dir, "document.pdf")
    writeFileSync(file, pdf)
    return await use(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The files embedded in a PDF, by name, as `pdfdetach -saveall` writes them. */
export function readPdfAttachments(pdf: Buffer): Promise<Map<string, Buffer>> {
  return withPdfFile(pdf, async (file, dir) => {
    const out = path.join(dir, "attachments")
    mkdirSync(out)
    await run("pdfdetach", ["-saveall", "-o", out, file])
    return new Map(readdirSync(out).map((name) => [name, readFileSync(path.join(out, name))]))
  })
}

/** The page count `pdfinfo` reports. */
export function countPdfPages(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run("pdfinfo", [file])
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN)
  })
}
