import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { describeWithEInvoiceValidator } from "../helpers/describe-with-einvoice-validator"
import { einvoiceProblems, validateEInvoices } from "../../dev-support/einvoice-validator"
import { waitFor } from "../../dev-support/wait-for"
import { mapConcurrently } from "../helpers/map-concurrently"
import { verifyErpSignature } from "../../src/modules/async-fulfilment/erp/sign-erp-request"
import { renderInvoiceXml } from "../../src/modules/async-fulfilment/invoice/issue-invoice"
import type { CreditNoteRow } from "../../src/modules/async-fulfilment/db/credit-notes"
import { cancelOrderSideEffectsWorkflow, scheduleOrderSideEffectsWorkflow } from "../../src/workflows"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"

const testEnv = prepareTestEnv("credit-notes")
jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const { erp, service, rowsOf, creditNoteRowsOf, settled, mailsTo } = session
    let admin: { headers: Record<string, string> }
    /** the credit note of the first test, validated at the end */
    let canceled: { orderId: string; invoiceNumber: string; creditNote: CreditNoteRow; pdf: Buffer } | null = null

    beforeAll(async () => {
      admin = await createAdminAuthHeaders(getContainer())
    })

    const cancelInAdmin = (orderId: string) => api.post(`/admin/orders/${orderId}/cancel`, {}, admin)

    const creditNoteJobsSettled = (orderId: string) =>
      waitFor(`the credit-note jobs of ${orderId} to complete`, async () => {
        const rows = await creditNoteRowsOf(orderId)
        return rows.length === 3 && rows.every((row) => row.status === "completed") ? rows : null
      })

    it("cancels an invoiced order through Medusa's admin route: one credit note, mailed with its PDF, and one signed credit_note to the ERP; a repeated order.canceled creates nothing new", async () => {
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const invoice = (await service().findInvoice(order.id))!
      const mailsBefore = mailsTo(order.id).length
      const erpCallsBefore = erp.callsFor(order.id).length

      const response = await cancelInAdmin(order.id)
      expect(response.status).toBe(200)
      const rows = await creditNoteJobsSettled(order.id)

      const notes = await service().findOrderCreditNotes(order.id)
      expect(notes).toHaveLength(1)
      const [creditNote] = notes
      expect(creditNote).toMatchObject({ reason: "cancellation", source_key: `cancel:${order.id}`, invoice_id: invoice.id })
      expect(creditNote.number).toMatch(/^CN-\d{4}-\d{6}$/)
      expect(rows.map((row) => [row.kind, row.subject, row.bullmq_job_id]).sort()).toEqual([
        ["erp", creditNote.id, `erp-${order.id}-${creditNote.id}`],
        ["invoice", creditNote.id, `invoice-${order.id}-${creditNote.id}`],
        ["mail", creditNote.id, `mail-${order.id}-${creditNote.id}`],
      ])
      expect(creditNote.model).toMatchObject({
        typeCode: "381",
        precedingInvoice: { number: invoice.number },
        totals: { grossTotal: invoice.model!.totals.grossTotal },
      })
      // the order's own jobs are as they were
      expect((await rowsOf(order.id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])

      const stored = (await service().findCreditNote(creditNote.id))!
      const pdf = await getContainer().resolve(Modules.FILE).getAsBuffer(stored.file_id!)

      const mails = mailsTo(order.id).slice(mailsBefore)
      expect(mails).toHaveLength(1)
      expect(mails[0].envelopeTo).toEqual([anna.email])
      expect(mails[0].parsed.subject).toContain(creditNote.number)
      expect(mails[0].parsed.text).toContain(invoice.number)
      const [attachment] = mails[0].parsed.attachments
      // in the order's language, the invoice's (this store invoices in English)
      expect([creditNote.model.language, invoice.model!.language]).toEqual(["en", "en"])
      expect(attachment).toMatchObject({ contentType: "application/pdf", filename: `credit-note-${creditNote.number}.pdf` })
      expect(Buffer.compare(attachment.content, pdf)).toBe(0)

      const calls = erp.callsFor(order.id).slice(erpCallsBefore)
      expect(calls).toHaveLength(1)
      expect(calls[0].idempotencyKey).toBe(`erp-${creditNote.id}`)
      expect(verifyErpSignature(calls[0].rawBody, calls[0].signature!, testEnv.erpSecret, { idempotencyKey: `erp-${creditNote.id}` })).toBe(true)
      expect(calls[0].body).toMatchObject({
        schema_version: 1,
        type: "credit_note",
        order_id: order.id,
        credit_note_id: creditNote.id,
        reason: "cancellation",
        credit_note: { number: creditNote.number, type_code: "381" },
        corrects_invoice: { number: invoice.number },
      })
      expect(Number(calls[0].body.credit_note.totals.gross_total)).toBeCloseTo(invoice.model!.totals.grossTotal, 2)
      expect(calls[0].body.lines).toHaveLength(creditNote.model.lines.length)

      canceled = { orderId: order.id, invoiceNumber: invoice.number, creditNote, pdf }

      // a repeated order.canceled (the event again, and the workflow run by hand) creates nothing new
      // (in this test: the runner restores the database before each test)
      const [mailCount, callCount] = [mailsTo(order.id).length, erp.callsFor(order.id).length]
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.canceled", data: { id: order.id } }])
      const { result } = await cancelOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: order.id, event_id: "repeat" } })
      expect(result.credit_note).toMatchObject({ credit_note_id: creditNote.id, created_kinds: [] })
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await service().findOrderCreditNotes(order.id)).toHaveLength(1)
      expect(await creditNoteRowsOf(order.id)).toHaveLength(3)
      expect([mailsTo(order.id).length, erp.callsFor(order.id).length]).toEqual([mailCount, callCount])
    })

    it("cancels ten invoiced orders at once through Medusa's admin route: ten credit notes numbered without a gap, each mailed once and sent to the ERP once", async () => {
      const orders = await mapConcurrently(Array.from({ length: 10 }, (_, i) => i), 2, (i) =>
        session.placeOrder({ ...anna, email: `cancel-burst-${i}@example.com` })
      )
      await Promise.all(orders.map((order) => settled(order.id)))
      const responses = await Promise.all(orders.map((order) => cancelInAdmin(order.id)))
      expect(responses.map((response) => response.status)).toEqual(orders.map(() => 200))
      await Promise.all(orders.map((order) => creditNoteJobsSettled(order.id)))

      const notes = await Promise.all(orders.map(async (order) => service().findOrderCreditNotes(order.id)))
      expect(notes.map((list) => list.length)).toEqual(orders.map(() => 1))
      const sequence = (number: string) => Number(number.slice(-6))
      const numbers = notes.map(([note]) => note.number).sort()
      const first = sequence(numbers[0])
      expect(numbers.map(sequence)).toEqual(numbers.map((_, i) => first + i))
      // and the whole series of this store, earlier tests' credit notes included, has no gap
      const series = (await service().listCreditNotes({}, { select: ["number"] })).map((note) => sequence(note.number)).sort((a, b) => a - b)
      expect(series).toEqual(series.map((_, i) => i + 1))
      for (const [order, [note]] of orders.map((order, i) => [order, notes[i]] as const)) {
        expect(mailsTo(order.id).filter((mail) => mail.parsed.subject?.includes(note.number))).toHaveLength(1)
        expect(erp.callsFor(order.id).filter((call) => call.idempotencyKey === `erp-${note.id}`)).toHaveLength(1)
      }
    })

    it("cancels an order before it is invoiced: its jobs are discarded, no invoice is ever issued, no credit note; the customer is told by mail", async () => {
      const invoiceQueue = service().getQueues().queue("invoice")
      await invoiceQueue.pause()
      let orderId: string
      try {
        const order = await session.placeOrder(anna)
        orderId = order.id
        const erpQueue = service().getQueues().queue("erp")
        await waitFor("the ERP job to wait for the invoice", async () => (await erpQueue.getJobState(`erp-${order.id}`)) === "delayed")
        expect((await cancelInAdmin(order.id)).status).toBe(200)
        await waitFor("the order's jobs to be discarded", async () => {
          const rows = await rowsOf(order.id)
          return rows.length === 3 && rows.every((row) => row.status === "discarded") ? rows : null
        })
      } finally {
        await invoiceQueue.resume()
      }
      const rows = await rowsOf(orderId!)
      expect(rows.map((row) => row.discard_note)).toEqual(rows.map(() => "the order was canceled before it was invoiced"))
      const queues = service().getQueues()
      expect(await Promise.all((["invoice", "mail"] as const).map((kind) => queues.queue(kind).getJobState(`${kind}-${orderId!}`)))).toEqual([
        "unknown",
        "unknown",
      ])
      // the ERP job looks for the invoice every 2 s; caught by the cancellation between its look and
      // its move back to the delayed set, it stays there until its next look, which stops at the discarded row
      await waitFor("the ERP queue job to be gone or stopped", async () =>
        ["unknown", "failed"].includes(await queues.queue("erp").getJobState(`erp-${orderId!}`))
      )
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await service().findInvoice(orderId!)).toBeNull()
      expect(await service().findOrderCreditNotes(orderId!)).toEqual([])
      const notice = await waitFor("the cancellation mail", async () => {
        const rows = await creditNoteRowsOf(orderId!)
        return rows.length === 1 && rows[0].status === "completed" ? rows[0] : null
      })
      expect(notice).toMatchObject({ kind: "mail", subject: "order_canceled" })
      const [mail] = mailsTo(orderId!)
      expect(mailsTo(orderId!)).toHaveLength(1)
      expect(mail.parsed.subject).toMatch(/^Your order #\d+ has been canceled$/)
      expect(mail.parsed.text).toContain("No invoice was issued for it.")
      expect(mail.parsed.attachments).toEqual([])
      expect(erp.callsFor(orderId!)).toEqual([])
    })

    it("records nothing for an order.placed handled after the order was canceled: no invoice, no mail, no ERP call", async () => {
      // createOrderWorkflow emits no order.placed: the cancellation comes first, the event after it
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: session.store.regions.pln,
          email: "placed-after-cancel@example.com",
          currency_code: "pln",
          billing_address: { first_name: "Lena", last_name: "Late", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
          items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
        },
      })
      expect((await cancelInAdmin(order.id)).status).toBe(200)
      const { result } = await scheduleOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: order.id, event_id: null } })
      expect(result).toMatchObject({ recorded_kinds: [], review: false })
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.placed", data: { id: order.id } }])
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await session.service().listSideEffectJobs({ order_id: order.id })).toEqual([])
      expect(await service().listInvoices({ order_id: order.id })).toEqual([])
      expect(mailsTo(order.id)).toEqual([])
      expect(erp.callsFor(order.id)).toEqual([])
    })

    it("tells the ERP of a cancellation when it received the order but there was no invoice (order_canceled, once)", async () => {
      // no billing address: the invoice fails at once (BR-11), the mail with it; the ERP gets the order without one
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: session.store.regions.pln,
          email: "cancel-no-invoice@example.com",
          currency_code: "pln",
          items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
        },
      })
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.placed", data: { id: order.id } }])
      await settled(order.id)
      expect(erp.callsFor(order.id).map((call) => call.body.type)).toEqual(["order"])

      expect((await cancelInAdmin(order.id)).status).toBe(200)
      const notice = await waitFor("the cancellation notice to reach the ERP", async () => {
        const row = (await creditNoteRowsOf(order.id)).find((candidate) => candidate.kind === "erp")
        return row?.status === "completed" ? row : null
      })
      expect(notice).toMatchObject({ kind: "erp", subject: "order_canceled", bullmq_job_id: `erp-${order.id}-order_canceled` })
      const calls = erp.callsFor(order.id)
      expect(calls.map((call) => [call.body.type, call.idempotencyKey])).toEqual([
        ["order", `erp-${order.id}`],
        ["order_canceled", `erp-${order.id}-canceled`],
      ])
      expect(verifyErpSignature(calls[1].rawBody, calls[1].signature!, testEnv.erpSecret, { idempotencyKey: `erp-${order.id}-canceled` })).toBe(true)
      expect(calls[1].body).toMatchObject({ schema_version: 1, order_id: order.id, display_id: order.display_id })
      expect((await rowsOf(order.id)).map((row) => [row.kind, row.status]).sort()).toEqual([
        ["erp", "completed"],
        ["invoice", "discarded"],
        ["mail", "discarded"],
      ])

      await cancelOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: order.id, event_id: "repeat" } })
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(erp.callsFor(order.id)).toHaveLength(2)
      expect(await service().findOrderCreditNotes(order.id)).toEqual([])
    })

    describeWithEInvoiceValidator("the EN 16931 validator on the cancellation's credit note", () => {
      it("passes its CII, UBL CreditNote and Factur-X PDF with 0 fatal errors; type 381, naming the invoice it corrects", async () => {
        expect(canceled).not.toBeNull()
        const { creditNote, invoiceNumber, pdf } = canceled!
        const cii = renderInvoiceXml(creditNote.model, "cii").toString("utf8")
        const ubl = renderInvoiceXml(creditNote.model, "ubl").toString("utf8")
        expect(cii).toContain("<ram:TypeCode>381</ram:TypeCode>")
        expect(cii).toContain(invoiceNumber)
        expect(ubl).toContain("<CreditNote")
        expect(ubl).toContain(invoiceNumber)
        const verdicts = await validateEInvoices([
          { name: "credit note CII", content: cii },
          { name: "credit note UBL", content: ubl },
          { name: "credit note PDF", content: pdf },
        ])
        const problems = Object.fromEntries([...verdicts].map(([name, verdict]) => [name, einvoiceProblems(verdict)]))
        expect(problems).toEqual({ "credit note CII": [], "credit note UBL": [], "credit note PDF": [] })
      }, 120_000)
    })
  },
})
