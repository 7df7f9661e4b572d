import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs"
import path from "path"
import { INVOICE_FORMATS, type InvoiceFormat } from "../src/modules/async-fulfilment/invoice/issue-invoice"
import {
  einvoiceValidatorPath,
  type EInvoiceVerdict,
  validateEInvoices,
} from "../dev-support/einvoice-validator"

/** An issued invoice as the admin downloads it, each format saved under the demo's output. */
export interface DownloadedInvoice {
  orderId: string
  /** set for a credit note (downloaded from /admin/async-fulfilment/credit-notes/:id) */
  creditNoteId?: string
  files: Record<InvoiceFormat, string>
  /** per checked rendering: the validator's verdict, absent when the validator is not installed */
  checks: { label: "Factur-X PDF" | "UBL"; format: InvoiceFormat; verdict: EInvoiceVerdict }[]
}

export interface EInvoiceBatch {
  invoices: DownloadedInvoice[]
  /** why the renderings were not checked: the validator is missing */
  skipped?: string
  /** what went wrong downloading or validating (the demo then fails) */
  error?: string
}

const CHECKED = [
  { label: "Factur-X PDF", format: "pdf" },
  { label: "UBL", format: "ubl" },
] as const

/** The file name the route gives (`content-disposition`), else <fallback>.<format>. */
function fileNameOf(response: Response, fallback: string, format: InvoiceFormat): string {
  const named = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1]
  return path.basename(named ?? `${fallback}.${format === "pdf" ? "pdf" : `${format}.xml`}`)
}

/** The admin route of one document, `?format=` appended per format. */
const documentRoute = (document: { orderId: string; creditNoteId?: string }) =>
  document.creditNoteId ? `/admin/async-fulfilment/credit-notes/${document.creditNoteId}` : `/admin/async-fulfilment/orders/${document.orderId}/invoice`

/** Each format of the document, saved in `dir`. */
async function download(baseUrl: string, token: string, document: { orderId: string; creditNoteId?: string }, dir: string): Promise<DownloadedInvoice["files"]> {
  const files = {} as DownloadedInvoice["files"]
  for (const format of INVOICE_FORMATS) {
    const route = `${documentRoute(document)}?format=${format}`
    const response = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) {
      throw new Error(`GET ${route} answered ${response.status}: ${await response.text()}`)
    }
    const file = path.join(dir, fileNameOf(response, document.creditNoteId ?? `invoice-${document.orderId}`, format))
    writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    files[format] = file
  }
  return files
}

/**
 * Downloads every order's invoice (or the credit notes given) as PDF, CII and UBL into `dir` and,
 * when the EN 16931 validator (../shared/einvoice) is there, checks the Factur-X PDF (its embedded
 * XML) and the UBL with it. Never rejects: a failure is returned, so it may run while the demo goes on.
 */
export async function downloadAndCheckEInvoices(
  baseUrl: string,
  token: string,
  documents: (string | { orderId: string; creditNoteId: string })[],
  dir: string
): Promise<EInvoiceBatch> {
  const invoices: DownloadedInvoice[] = []
  try {
    mkdirSync(dir, { recursive: true })
    for (const entry of documents) {
      const document = typeof entry === "string" ? { orderId: entry } : entry
      invoices.push({ ...document, files: await download(baseUrl, token, document, dir), checks: [] })
    }
    const validator = einvoiceValidatorPath()
    if (!existsSync(validator)) {
      return { invoices, skipped: `${path.relative(process.cwd(), validator)} is not there` }
    }
    const renderings = invoices.flatMap((invoice) =>
      CHECKED.map(({ format }) => ({ name: path.basename(invoice.files[format]), content: readFileSync(invoice.files[format]) }))
    )
    const verdicts = await validateEInvoices(renderings)
    for (const invoice of invoices) {
      invoice.checks = CHECKED.map(({ label, format }) => ({ label, format, verdict: verdicts.get(path.basename(invoice.files[format]))! }))
    }
    return { invoices }
  } catch (error) {
    return { invoices, error: (error as Error).message }
  }
}

/** True when nothing failed: every checked rendering has no fatal rule and a valid XSD (or the check was skipped). */
export function einvoicesPassed(batch: EInvoiceBatch): boolean {
  return !batch.error && batch.invoices.every((invoice) =>
    invoice.checks.every(({ verdict }) => verdict.fatal.length === 0 && !verdict.xsd.startsWith("invalid"))
  )
}

export function combineEInvoiceBatches(batches: EInvoiceBatch[]): EInvoiceBatch {
  return {
    invoices: batches.flatMap((batch) => batch.invoices),
    skipped: batches.find((batch) => batch.skipped)?.skipped,
    error: batches.map((batch) => batch.error).filter(Boolean).join("; ") || undefined,
  }
}
