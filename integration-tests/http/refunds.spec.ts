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
import { creditPaymentRefundsWorkflow, creditReceivedReturnWorkflow, reconcileSideEffectsWorkflow } from "../../src/workflows"

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
