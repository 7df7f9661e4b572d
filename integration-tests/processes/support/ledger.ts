import { readdirSync } from "fs"
import { basename } from "path"
import { Client } from "pg"
import type { SmtpSink } from "../../../dev-support/smtp-sink"
import type { SlowIdempotentErp } from "./slow-idempotent-erp"

export interface JobRow {
  order_id: string
  kind: string
  status: string
  error_history: { message: string }[] | null
  attempts: number
  result: any
  last_error: string | null
  completed_at: Date | null
  /** set while a job waits: for its retry, or (an ERP job) for its invoice */
  next_retry_at: Date | null
}

export interface InvoiceRow {
  order_id: string
  number: string
  sequence_scope: string
  sequence_value: number
  file_id: string | null
}

export async function withPg<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function readJobRows(databaseUrl: string, orderIds: string[]): Promise<JobRow[]> {
  return withPg(databaseUrl, async (client) =>
    (
      await client.query<JobRow>(
        `SELECT order_id, kind, status, attempts, result, last_error, error_history, completed_at, next_retry_at FROM af_side_effect_job
         WHERE order_id = ANY($1) AND deleted_at IS NULL`,
        [orderIds]
      )
    ).rows
  )
}

/** Every invoice of the database (not only these orders): a gap check needs the whole sequence. */
export async function readInvoices(databaseUrl: string): Promise<InvoiceRow[]> {
  return withPg(databaseUrl, async (client) =>
    (
      await client.query<InvoiceRow>(
        `SELECT order_id, number, sequence_scope, sequence_value, file_id FROM af_invoice
         WHERE deleted_at IS NULL ORDER BY sequence_scope, sequence_value`
      )
    ).rows.map((row) => ({ ...row, sequence_value: Number(row.sequence_value) }))
  )
}

export interface Ledger {
  ordersPlaced: number
  rowsCompleted: number
  invoices: number
  invoiceNumbersUnique: boolean
  /** sequence values 1..N with nothing missing or repeated */
  invoiceSequenceGapFree: boolean
  invoiceSequence: number[]
  mails: number
  ordersWithOneMail: number
  /**
   * orders whose mail was sent again after the worker sending it died between the SMTP server's
   * acceptance and the record, each one announced in the row's history ("may arrive twice"):
   * the at-least-once window SMTP leaves; any other repeat is a problem
   */
  announcedMailResends: number
  erpDocuments: number
  ordersWithOneErpDocument: number
  erpDeliveries: number
  erpDuplicates: number
  /** the reference each ERP job recorded is the ERP's document for its key */
  erpReferencesMatch: boolean
  /** PDFs in the upload folder no invoice points to (a render repeated after a kill), all orders */
  orphanPdfs: number
  problems: string[]
}

/**
 * The side effects as the outside world saw them, per order: the invoice rows in Postgres, the
 * mails the SMTP server received, the documents the ERP holds (and the repeats it deduplicated).
 */
export async function buildLedger(input: {
  databaseUrl: string
  orderIds: string[]
  smtp: SmtpSink
  erp: SlowIdempotentErp
  uploads: string
}): Promise<Ledger> {
  const { orderIds, smtp, erp } = input
  const rows = await readJobRows(input.databaseUrl, orderIds)
  const invoices = await readInvoices(input.databaseUrl)
  const problems: string[] = []
  const mine = new Set(orderIds)

  for (const orderId of orderIds) {
    const own = rows.filter((row) => row.order_id === orderId)
    if (own.length !== 3 || own.some((row) => row.status !== "completed")) {
      problems.push(`order ${orderId}: rows ${own.map((row) => `${row.kind}=${row.status}`).join(", ") || "none"}`)
    }
  }

  const scopes = new Set(invoices.map((invoice) => invoice.sequence_scope))
  const sequence = invoices.map((invoice) => invoice.sequence_value)
  const gapFree = scopes.size <= 1 && sequence.every((value, index) => value === index + 1)
  const numbersUnique = new Set(invoices.map((invoice) => invoice.number)).size === invoices.length
  let ordersWithOneMail = 0
  let announcedMailResends = 0
  let ordersWithOneErpDocument = 0
  let referencesMatch = true
  for (const orderId of orderIds) {
    const invoiceCount = invoices.filter((invoice) => invoice.order_id === orderId).length
    if (invoiceCount !== 1) {
      problems.push(`order ${orderId}: ${invoiceCount} invoice rows`)
    }
    const mails = smtp.received.filter((mail) => mail.parsed.messageId?.includes(orderId))
    const mailRowOfOrder = rows.find((row) => row.order_id === orderId && row.kind === "mail")
    const resendAnnounced = (mailRowOfOrder?.error_history ?? []).some((entry) => /may arrive twice/.test(entry.message))
    if (mails.length === 1) {
      ordersWithOneMail++
    } else if (mails.length === 2 && resendAnnounced) {
      announcedMailResends++
    } else {
      problems.push(`order ${orderId}: ${mails.length} mails received (Message-ID ${mails[0]?.parsed.messageId ?? "-"})`)
    }
    const documents = [...erp.documents.values()].filter((doc) => doc.orderId === orderId)
    const created = erp.calls.filter((call) => call.idempotencyKey === `erp-${orderId}` && call.status === 201).length
    if (documents.length === 1 && created === 1) {
      ordersWithOneErpDocument++
    } else {
      problems.push(`order ${orderId}: ${documents.length} ERP documents, ${created} created (201)`)
    }
    const erpRow = rows.find((row) => row.order_id === orderId && row.kind === "erp")
    if (documents[0] && erpRow?.result?.reference !== documents[0].reference) {
      referencesMatch = false
      problems.push(`order ${orderId}: ERP job recorded ${erpRow?.result?.reference}, the ERP holds ${documents[0].reference}`)
    }
    const invoice = invoices.find((row) => row.order_id === orderId)
    const mailRow = rows.find((row) => row.order_id === orderId && row.kind === "mail")
    if (invoice && mailRow?.result && mailRow.result.invoice_number !== invoice.number) {
      problems.push(`order ${orderId}: mail sent invoice ${mailRow.result.invoice_number}, the invoice is ${invoice.number}`)
    }
  }
  const documents = [...erp.documents.values()].filter((doc) => doc.orderId && mine.has(doc.orderId))
  return {
    ordersPlaced: orderIds.length,
    rowsCompleted: rows.filter((row) => row.status === "completed").length,
    invoices: invoices.filter((invoice) => mine.has(invoice.order_id)).length,
    invoiceNumbersUnique: numbersUnique,
    invoiceSequenceGapFree: gapFree,
    invoiceSequence: sequence,
    mails: smtp.received.filter((mail) => orderIds.some((id) => mail.parsed.messageId?.includes(id))).length,
    ordersWithOneMail,
    announcedMailResends,
    erpDocuments: documents.length,
    ordersWithOneErpDocument,
    erpDeliveries: documents.reduce((sum, doc) => sum + doc.deliveries, 0),
    erpDuplicates: documents.reduce((sum, doc) => sum + doc.deliveries - 1, 0),
    erpReferencesMatch: referencesMatch,
    orphanPdfs: orphanPdfs(input.uploads, invoices).length,
    problems,
  }
}

/** Invoice PDFs in the upload folder that no invoice row points to. */
export function orphanPdfs(uploads: string, invoices: InvoiceRow[]): string[] {
  const referenced = new Set(invoices.map((invoice) => invoice.file_id && basename(invoice.file_id)))
  return readdirSync(uploads).filter((file) => /invoice-.*\.pdf$/.test(file) && !referenced.has(file))
}

/** A plain-text table, column widths from the content. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)))
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`
  const rule = `|-${widths.map((width) => "-".repeat(width)).join("-|-")}-|`
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n")
}
