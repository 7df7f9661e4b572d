import path from "path"
import type { ErpStub } from "../integration-tests/fixtures/erp-stub"
import type { SmtpSink } from "../integration-tests/fixtures/smtp-sink"
import type { readSideEffects } from "./demo-database"

interface Report {
  orders: { id: string; display_id: number; total: number; currency_code: string }[]
  state: Awaited<ReturnType<typeof readSideEffects>>
  smtp: SmtpSink
  erp: ErpStub
  erpSecret: string
  output: string
  verify: (body: string, header: string | undefined, secret: string) => boolean
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount)

/** Prints, order by order, where its invoice, mail and ERP document went. */
export function printReport({ orders, state, smtp, erp, erpSecret, output, verify }: Report): void {
  const relative = (file: string) => path.relative(process.cwd(), file)
  for (const order of orders) {
    const jobs = state.jobs.filter((job) => job.order_id === order.id)
    const invoice = state.invoices.find((row) => row.order_id === order.id)
    const mails = smtp.received.filter((mail) => mail.parsed.messageId?.includes(order.id))
    const calls = erp.callsFor(order.id)
    console.log(`\n  Order #${order.display_id} (${order.id}), ${money(order.total, order.currency_code)}`)
    for (const job of jobs) {
      console.log(`    ${job.kind.padEnd(8)} ${job.status} after ${job.attempts} attempt(s)${job.last_error ? ` — ${job.last_error}` : ""}`)
    }
    if (invoice) {
      const file = invoice.file_url ? path.join(output, "uploads", path.basename(invoice.file_url)) : "(not stored)"
      console.log(`    invoice  ${invoice.number}: ${relative(file)}`)
    }
    for (const mail of mails) {
      const attachment = mail.parsed.attachments[0]
      const attached = attachment ? ` with ${attachment.filename} (${attachment.size} bytes)` : ""
      console.log(`    mail     to ${mail.envelopeTo.join(", ")}: "${mail.parsed.subject}"${attached}`)
    }
    for (const call of calls) {
      const signed = verify(call.rawBody, call.signature, erpSecret) ? "signature valid" : "SIGNATURE INVALID"
      console.log(`    erp      POST /orders → ${call.status}, Idempotency-Key ${call.idempotencyKey}, ${signed}`)
    }
  }
  console.log(`\n  ${smtp.received.length} mail(s) and ${erp.calls.length} ERP call(s) received.`)
  console.log(`  PDFs: ${relative(path.join(output, "uploads"))}/  mails: ${relative(path.join(output, "mails"))}/  ERP documents: ${relative(path.join(output, "erp"))}/  store log: ${relative(path.join(output, "store.log"))}`)
}
