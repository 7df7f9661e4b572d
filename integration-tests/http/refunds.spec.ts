import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { describeWithEInvoiceValidator } from "../helpers/describe-with-einvoice-validator"
import { einvoiceProblems, validateEInvoices } from "../../dev-support/einvoice-validator"
import { waitFor } from "../../dev-support/wait-for"
import { renderInvoiceXml } from "../../src/modules/async-fulfilment/invoice/issue-invoice"
import type { CreditNoteRow } from "../../src/modules/async-fulfilment/db/credit-notes"
import {
  cancelOrderSideEffectsWorkflow,
  creditPaymentRefundsWorkflow,
  creditReceivedReturnWorkflow,
  reconcileSideEffectsWorkflow,
} from "../../src/workflows"

const testEnv = prepareTestEnv("refunds")
jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const { service, settled, mailsTo, erp } = session
    let admin: { headers: Record<string, string> }
    /** every credit note the tests issued, validated at the end */
    const issued: { name: string; creditNote: CreditNoteRow; pdf: Buffer }[] = []

    beforeAll(async () => {
      admin = await createAdminAuthHeaders(getContainer())
    })

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const paymentOf = async (orderId: string): Promise<string> => {
      const { data } = await query().graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
      return data[0].payment_collections[0].payments[0].id
    }
    const capture = async (paymentId: string) => expect((await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)).status).toBe(200)
    const refund = async (paymentId: string, amount: number) =>
      expect((await api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin)).status).toBe(200)
    const requestsOf = (orderId: string) => service().listCreditRequests({ order_id: orderId }, { order: { created_at: "ASC" } })
    const requestJobsOf = async (orderId: string) =>
      (await service().listSideEffectJobs({ order_id: orderId, subject: { $like: "afcr_%" } })).sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
    /** waits for `count` settled credit requests and `notes` credit notes whose three jobs each completed */
    const creditedAs = (orderId: string, count: number, notes: number) =>
      waitFor(`${count} credit requests and ${notes} credit notes of ${orderId} to settle`, async () => {
        const requests = await requestsOf(orderId)
        const creditNotes = await service().findOrderCreditNotes(orderId)
        const jobs = await service().listSideEffectJobs({ order_id: orderId, subject: creditNotes.map((row) => row.id) })
        const done =
          requests.length === count &&
          requests.every((row) => row.outcome) &&
          creditNotes.length === notes &&
          jobs.length === notes * 3 &&
          jobs.every((job) => job.status === "completed")
        return done ? { requests, creditNotes } : null
      })
    const keep = async (name: string, creditNote: CreditNoteRow) => {
      const stored = (await service().findCreditNote(creditNote.id))!
      issued.push({ name, creditNote: stored, pdf: await getContainer().resolve(Modules.FILE).getAsBuffer(stored.file_id!) })
    }
    const invoicedOrder = async () => {
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const invoice = (await service().findInvoice(order.id))!
      const paymentId = await paymentOf(order.id)
      await capture(paymentId)
      return { order, invoice, paymentId }
    }

    it("credits two partial refunds made in the admin (POST /admin/payments/:id/refund) with two credit notes whose totals are the refunds; a repeated payment.refunded creates nothing new", async () => {
      const { order, invoice, paymentId } = await invoicedOrder()
      await refund(paymentId, 10)
      const first = await creditedAs(order.id, 1, 1)
      await refund(paymentId, 25.5)
      const { requests, creditNotes } = await creditedAs(order.id, 2, 2)

      expect(creditNotes.map((row) => [row.reason, row.model.totals.grossTotal, row.model.precedingInvoice?.number])).toEqual([
        ["refund", 10, invoice.number],
        ["refund", 25.5, invoice.number],
      ])
      expect(creditNotes[0].id).toBe(first.creditNotes[0].id)
      const { data: refunds } = await query().graph({ entity: "refund", fields: ["id", "amount"], filters: { payment_id: paymentId } })
      expect(requests.map((row) => [row.source_key, row.outcome, row.credit_note_id])).toEqual(
        creditNotes.map((row) => [row.source_key, "credited", row.id])
      )
      expect(new Set(creditNotes.map((row) => row.source_key))).toEqual(new Set(refunds.map((row: { id: string }) => `refund:${row.id}`)))
      const [a, b] = creditNotes.map((row) => row.sequence_value)
      expect(b).toBe(a + 1)
      // each credit note was mailed and posted to the ERP with its own key
      const mails = mailsTo(order.id).filter((mail) => creditNotes.some((row) => mail.parsed.subject?.includes(row.number)))
      expect(mails).toHaveLength(2)
      expect(erp.callsFor(order.id).filter((call) => call.body.type === "credit_note").map((call) => call.idempotencyKey).sort()).toEqual(
        creditNotes.map((row) => `erp-${row.id}`).sort()
      )
      // the refund's own job: completed, named after its request
      expect((await requestJobsOf(order.id)).map((job) => [job.kind, job.status, job.subject])).toEqual(
        requests.map((row) => ["invoice", "completed", row.id])
      )
      for (const [index, row] of creditNotes.entries()) await keep(`partial refund ${index + 1}`, row)

      // a repeated payment.refunded (the event again, and the workflow run by hand) creates nothing new
      const [mailCount, callCount] = [mailsTo(order.id).length, erp.callsFor(order.id).length]
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "payment.refunded", data: { id: paymentId } }])
      const { result } = await creditPaymentRefundsWorkflow(getContainer()).run({ input: { payment_id: paymentId, event_id: "repeat" } })
      expect(result.recorded.subjects).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await requestsOf(order.id)).toHaveLength(2)
      expect(await service().findOrderCreditNotes(order.id)).toHaveLength(2)
      expect(await requestJobsOf(order.id)).toHaveLength(2)
      expect([mailsTo(order.id).length, erp.callsFor(order.id).length]).toEqual([mailCount, callCount])
    })

    it("credits a refund made before the order was invoiced once its invoice is issued (the refund's job waits for it)", async () => {
      const invoiceQueue = service().getQueues().queue("invoice")
      await invoiceQueue.pause()
      let orderId: string
      try {
        const order = await session.placeOrder(anna)
        orderId = order.id
        const paymentId = await paymentOf(order.id)
        await capture(paymentId)
        await refund(paymentId, 12.34)
        await waitFor("the refund's credit request", async () => (await requestJobsOf(order.id)).length === 1)
        expect(await service().findInvoice(order.id)).toBeNull()
      } finally {
        await invoiceQueue.resume()
      }
      // the order's invoice job and the refund's share the invoice queue: the refund's waits for the invoice
      const { requests, creditNotes } = await creditedAs(orderId!, 1, 1)
      const invoice = (await service().findInvoice(orderId!))!
      expect(creditNotes.map((row) => [row.reason, row.model.totals.grossTotal, row.model.precedingInvoice?.number])).toEqual([["refund", 12.34, invoice.number]])
      expect(requests[0]).toMatchObject({ outcome: "credited", credit_note_id: creditNotes[0].id })
      expect(creditNotes[0].issued_at.getTime()).toBeGreaterThanOrEqual(new Date(invoice.model!.issuedAt).getTime())
    })

    it("fails an over-refund for good with the reason, in the failed set; no credit note number is used by it", async () => {
      const { order, invoice, paymentId } = await invoicedOrder()
      const gross = invoice.model!.totals.grossTotal
      // a credit note made otherwise (by hand) leaves 10.00 of the invoice to credit
      const manual = await service().issueCreditNote({ orderId: order.id, reason: "refund", sourceKey: `manual:${order.id}`, grossAmount: Math.round((gross - 10) * 100) / 100 })
      await refund(paymentId, 20)
      const failed = await waitFor("the over-refund's job to fail", async () => {
        const [job] = await requestJobsOf(order.id)
        return job?.status === "failed" ? job : null
      })
      const reason = `Cannot credit 20.00 PLN against invoice ${invoice.number}: only 10.00 PLN of it is left to credit`
      expect(failed.last_error).toBe(reason)
      expect(failed.attempts).toBe(1) // permanent: no retry
      const { data } = await api.get(`/admin/async-fulfilment/jobs?status=failed&order_id=${order.id}`, admin)
      expect(data.jobs.map((job: { id: string; last_error: { message: string } }) => [job.id, job.last_error.message])).toEqual([[failed.id, reason]])
      const [request] = await requestsOf(order.id)
      expect(request).toMatchObject({ outcome: null, credit_note_id: null })
      expect(await service().findOrderCreditNotes(order.id)).toHaveLength(1)

      // a refund the invoice still holds is credited with the very next number
      await refund(paymentId, 10)
      const { creditNotes } = await waitFor("the second refund's credit note", async () => {
        const notes = await service().findOrderCreditNotes(order.id)
        const jobs = notes[1] ? await service().listSideEffectJobs({ order_id: order.id, subject: notes[1].id }) : []
        return jobs.length === 3 && jobs.every((job) => job.status === "completed") ? { creditNotes: notes } : null
      })
      expect(creditNotes.map((row) => [row.source_key, row.model.totals.grossTotal])).toEqual([
        [`manual:${order.id}`, manual.model.totals.grossTotal],
        [expect.stringMatching(/^refund:/), 10],
      ])
      expect(creditNotes[1].sequence_value).toBe(manual.sequence_value + 1)
      await keep("refund of what was left", creditNotes[1])
    })

    it("cancels a captured, invoiced order in the admin: exactly one credit note, the cancellation's; Medusa's refund of the capture is absorbed by it, whichever event comes first", async () => {
      const { order, invoice, paymentId } = await invoicedOrder()
      expect((await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)).status).toBe(200)
      // Medusa's cancel refunded the capture without a payment.refunded; a refund event racing order.canceled finds the order canceled
      const [raced] = await Promise.all([
        creditPaymentRefundsWorkflow(getContainer()).run({ input: { payment_id: paymentId, event_id: "race" } }),
        getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "payment.refunded", data: { id: paymentId } }]),
      ])
      const { data: refunds } = await query().graph({ entity: "refund", fields: ["id", "amount"], filters: { payment_id: paymentId } })
      expect(refunds.map((row: { amount: unknown }) => Number(String(row.amount)))).toEqual([order.total])
      expect(raced.result.recorded.subjects).toHaveLength(1)
      const { requests, creditNotes } = await creditedAs(order.id, 1, 1)
      expect(creditNotes.map((row) => [row.reason, row.source_key, row.model.totals.grossTotal])).toEqual([
        ["cancellation", `cancel:${order.id}`, invoice.model!.totals.grossTotal],
      ])
      expect(requests.map((row) => [row.source_key, row.order_canceled, row.outcome, row.absorbed_by, row.credit_note_id])).toEqual([
        [`refund:${refunds[0].id}`, true, "absorbed", "cancellation", null],
      ])
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(await service().findOrderCreditNotes(order.id)).toHaveLength(1)
      expect(erp.callsFor(order.id).filter((call) => call.body.type === "credit_note")).toHaveLength(1)
    })

    it("cancels an order whose refunds already took back the whole invoice: no cancellation credit note, the workflow succeeds", async () => {
      const { order, invoice, paymentId } = await invoicedOrder()
      await refund(paymentId, order.total)
      await creditedAs(order.id, 1, 1)
      expect((await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)).status).toBe(200)
      const { result, errors } = await cancelOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: order.id, event_id: "after-full-refund" }, throwOnError: false })
      expect(errors).toEqual([])
      expect(result.credit_note).toMatchObject({ credit_note_id: null, created_kinds: [] })
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const notes = await service().findOrderCreditNotes(order.id)
      expect(notes.map((row) => [row.reason, row.model.totals.grossTotal])).toEqual([["refund", invoice.model!.totals.grossTotal]])
    })

    it("credits a return of one line received through the admin return routes with that line (a repeated order.return_received creates nothing new); the refund after it is absorbed by it, a further refund credited", async () => {
      const { order, invoice, paymentId } = await invoicedOrder()
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*items`, admin)
      const items = data.order.items as { id: string; title: string; quantity: number }[]
      const [location] = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({})
      const ok = async (path: string, body: object = {}) => {
        const response = await api.post(path, body, admin).catch((error: { response?: { data: unknown } }) => {
          throw new Error(`POST ${path}: ${JSON.stringify(error.response?.data)}`)
        })
        expect(response.status).toBe(200)
        return response.data
      }
      await ok(`/admin/orders/${order.id}/fulfillments`, { items: items.map((item) => ({ id: item.id, quantity: item.quantity })), location_id: location.id })
      const returned = items.find((item) => item.quantity === 1)!
      const { return: created } = await ok(`/admin/returns`, { order_id: order.id, location_id: location.id })
      await ok(`/admin/returns/${created.id}/request-items`, { items: [{ id: returned.id, quantity: 1 }] })
      await ok(`/admin/returns/${created.id}/request`)
      await ok(`/admin/returns/${created.id}/receive`)
      await ok(`/admin/returns/${created.id}/receive-items`, { items: [{ id: returned.id, quantity: 1 }] })
      await ok(`/admin/returns/${created.id}/receive/confirm`)

      const { creditNotes } = await creditedAs(order.id, 1, 1)
      const [creditNote] = creditNotes
      // the invoice has one item line per item of the order document, in its order
      const document = await service().retrieveOrderDocument(order.id)
      const invoiceLine = invoice.model!.lines[document.items.findIndex((item) => item.id === returned.id)]
      expect(creditNote).toMatchObject({ reason: "return", source_key: `return:${created.id}:1` })
      expect(creditNote.model.lines.map((line) => [line.name, line.quantity, line.netUnitPrice, line.vatRate, line.grossAmount])).toEqual([
        [invoiceLine.name, 1, invoiceLine.netUnitPrice, invoiceLine.vatRate, invoiceLine.grossAmount],
      ])
      expect(creditNote.model.totals.grossTotal).toBe(invoiceLine.grossAmount)
      await keep("return of one line", creditNote)
      // a repeated order.return_received (the event again, and the workflow run by hand) records nothing new
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.return_received", data: { order_id: order.id, return_id: created.id } }])
      const { result: repeated } = await creditReceivedReturnWorkflow(getContainer()).run({ input: { return_id: created.id, event_id: "repeat" } })
      expect(repeated.recorded.subjects).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(await requestsOf(order.id)).toHaveLength(1)
      expect(await service().findOrderCreditNotes(order.id)).toHaveLength(1)

      // the admin refunds the return (a separate action in Medusa): absorbed by the return's credit note
      await refund(paymentId, invoiceLine.grossAmount)
      const absorbed = await creditedAs(order.id, 2, 1)
      expect(absorbed.requests[1]).toMatchObject({ outcome: "absorbed", absorbed_by: "return", absorbed_minor: Math.round(invoiceLine.grossAmount * 100), credit_note_id: null })
      // a refund beyond it is credited
      await refund(paymentId, 5)
      const further = await creditedAs(order.id, 3, 2)
      expect(further.requests[2]).toMatchObject({ outcome: "credited", absorbed_minor: 0 })
      expect(further.creditNotes[1].model.totals.grossTotal).toBe(5)
    })

    it("finds a refund and a cancellation whose events were lost with the reconciler and credits them through the same workflows; a second sweep finds nothing", async () => {
      const refunded = await invoicedOrder()
      const canceled = await invoicedOrder()
      // no events: the payment module refunds, the order module cancels, as a lost event leaves them
      await getContainer().resolve(Modules.PAYMENT).refundPayment({ payment_id: refunded.paymentId, amount: 7 })
      await getContainer().resolve(Modules.ORDER).cancel(canceled.order.id)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(await requestsOf(refunded.order.id)).toEqual([])
      expect(await service().findOrderCreditNotes(canceled.order.id)).toEqual([])

      const { result } = await reconcileSideEffectsWorkflow(getContainer()).run()
      expect(result.credited_events.sort()).toEqual([canceled.order.id, refunded.paymentId].sort())
      const lostRefund = await creditedAs(refunded.order.id, 1, 1)
      expect(lostRefund.creditNotes.map((row) => [row.reason, row.model.totals.grossTotal])).toEqual([["refund", 7]])
      const lostCancel = await waitFor("the lost cancellation's credit note", async () => {
        const notes = await service().findOrderCreditNotes(canceled.order.id)
        const jobs = notes[0] ? await service().listSideEffectJobs({ order_id: canceled.order.id, subject: notes[0].id }) : []
        return jobs.length === 3 && jobs.every((job) => job.status === "completed") ? notes : null
      })
      expect(lostCancel.map((row) => [row.reason, row.model.totals.grossTotal])).toEqual([["cancellation", canceled.invoice.model!.totals.grossTotal]])

      const again = await reconcileSideEffectsWorkflow(getContainer()).run()
      expect(again.result.credited_events).toEqual([])
    })

    describeWithEInvoiceValidator("the EN 16931 validator on the refunds' and returns' credit notes", () => {
      it("passes every credit note's CII, UBL CreditNote and Factur-X PDF with 0 fatal errors", async () => {
        expect(issued.length).toBeGreaterThan(0)
        const verdicts = await validateEInvoices(
          issued.flatMap(({ name, creditNote, pdf }) => [
            { name: `${name} CII`, content: renderInvoiceXml(creditNote.model, "cii").toString("utf8") },
            { name: `${name} UBL`, content: renderInvoiceXml(creditNote.model, "ubl").toString("utf8") },
            { name: `${name} PDF`, content: pdf },
          ])
        )
        const problems = Object.fromEntries([...verdicts].map(([name, verdict]) => [name, einvoiceProblems(verdict)]))
        expect(problems).toEqual(Object.fromEntries([...verdicts.keys()].map((name) => [name, []])))
      }, 180_000)
    })
  },
})
