import path from "path"
import type { ErpStub } from "../dev-support/erp-stub"
import type { SmtpSink } from "../dev-support/smtp-sink"
import type { readSideEffects } from "./demo-database"
import type { DownloadedInvoice, EInvoiceBatch } from "./download-einvoices"

interface Report {
  orders: { id: string; display_id: number; total: number; currency_code: string }[]
  state: Awaited<ReturnType<typeof readSideEffects>>
  smtp: SmtpSink
  erp: ErpStub
  erpSecret: string
  output: string
  einvoices: EInvoiceBatch
  verify: (body: string, header: string | undefined, secret: string, opts: { idempotencyKey: string | null }) => boolean
}

const languageName = new Intl.DisplayNames(["en"], { type: "language" })

/** The official validator, for a store owner checking its own invoices (validation skipped here). */
const HOW_TO_VALIDATE =
  "a store owner checks an invoice with the official CEN/TC 434 EN 16931 rules, e.g. Mustang " +
  "(java -jar Mustang-CLI.jar --action validate --source invoice.pdf) or the KoSIT validator on the ?format=cii / ?format=ubl XML"

function printEInvoice(invoice: DownloadedInvoice, relative: (file: string) => string): void {
  const [pdf, ...xml] = [invoice.files.pdf, invoice.files.cii, invoice.files.ubl].map(relative)
  console.log(`    e-invoice  ${pdf}, ${xml.map((file) => `…${file.slice(file.lastIndexOf("-"))}`).join(", ")}`)
  for (const { label, verdict } of invoice.checks) {
    const xsd = verdict.syntax === "cii" ? `, CII XSD ${verdict.xsd}` : ""
    console.log(`    e-invoice  ${label}: ${verdict.fatal.length} fatal, ${verdict.warnings.length} warnings (EN 16931${xsd})`)
    for (const rule of [...verdict.fatal, ...verdict.warnings]) {
      console.log(`                 ${rule.flag.toUpperCase()} ${rule.id}: ${rule.text}`)
    }
  }
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount)

/** Prints, order by order, where its invoice, mail and ERP document went. */
export function printReport({ orders, state, smtp, erp, erpSecret, output, einvoices, verify }: Report): void {
  const relative = (file: string) => path.relative(process.cwd(), file)
  for (const order of orders) {
    const jobs = state.jobs.filter((job) => job.order_id === order.id)
    const invoice = state.invoices.find((row) => row.order_id === order.id)
    const mails = smtp.received.filter((mail) => mail.parsed.messageId?.includes(order.id))
    const calls = erp.callsFor(order.id)
    console.log(`\n  Order #${order.display_id} (${order.id}), ${money(order.total, order.currency_code)}`)
    for (const job of jobs) {
      const of = job.subject ? ` (${state.creditNotes.find((note) => note.id === job.subject)?.number ?? job.subject})` : ""
      console.log(`    ${job.kind.padEnd(8)} ${job.status} after ${job.attempts} attempt(s)${of}${job.last_error ? ` — ${job.last_error}` : ""}`)
    }
    if (invoice) {
      const file = invoice.file_url ? path.join(output, "uploads", path.basename(invoice.file_url)) : "(not stored)"
      console.log(`    invoice  ${invoice.number}: ${relative(file)}`)
      const language = invoice.language ? `${languageName.of(invoice.language)} (${invoice.language})` : "?"
      const vatId = invoice.buyer_vat_id ? `VAT ID ${invoice.buyer_vat_id}` : "no VAT ID"
      console.log(`    invoice  in ${language}; buyer ${invoice.buyer_name}, ${vatId}`)
    }
    const downloaded = einvoices.invoices.find((row) => row.orderId === order.id && !row.creditNoteId)
    if (downloaded) {
      printEInvoice(downloaded, relative)
    }
    for (const creditNote of state.creditNotes.filter((note) => note.order_id === order.id)) {
      const file = creditNote.file_url ? relative(path.join(output, "uploads", path.basename(creditNote.file_url))) : "(not stored)"
      console.log(`    credit   ${creditNote.number} (${creditNote.reason}, ${money(Number(creditNote.gross_total), order.currency_code)}): ${file}`)
      const credited = einvoices.invoices.find((row) => row.creditNoteId === creditNote.id)
      if (credited) {
        printEInvoice(credited, relative)
      }
    }
    for (const mail of mails) {
      const attachment = mail.parsed.attachments[0]
      const attached = attachment ? ` with ${attachment.filename} (${attachment.size} bytes)` : ""
      console.log(`    mail     to ${mail.envelopeTo.join(", ")}: "${mail.parsed.subject}"${attached}`)
    }
    for (const call of calls) {
      const signed = verify(call.rawBody, call.signature, erpSecret, { idempotencyKey: call.idempotencyKey ?? null }) ? "signature v2 valid" : "SIGNATURE INVALID"
      const invoice = call.body?.invoice ?? call.body?.credit_note
      const carried = invoice
        ? `, ${call.body.type === "credit_note" ? "credit note" : "invoice"} ${invoice.number} (VAT ${invoice.vat_breakdown.map((entry: { rate: number; vat_amount: string }) => `${entry.rate} %: ${entry.vat_amount}`).join(", ")})`
        : ", no invoice"
      console.log(`    erp      POST /orders (${call.body?.type}) → ${call.status}, Idempotency-Key ${call.idempotencyKey}, ${signed}${carried}`)
    }
  }
  if (einvoices.skipped) {
    console.log(`\n  e-invoice validation skipped (${einvoices.skipped}): ${HOW_TO_VALIDATE}.`)
  }
  if (einvoices.error) {
    console.log(`\n  ✖ e-invoices: ${einvoices.error}`)
  }
  console.log(`\n  ${smtp.received.length} mail(s) and ${erp.calls.length} ERP call(s) received.`)
  console.log(`  PDFs: ${relative(path.join(output, "uploads"))}/  e-invoices: ${relative(path.join(output, "einvoices"))}/  mails: ${relative(path.join(output, "mails"))}/  ERP documents: ${relative(path.join(output, "erp"))}/  store log: ${relative(path.join(output, "store.log"))}`)
}
