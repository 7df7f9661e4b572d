import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { describeWithEInvoiceValidator } from "../helpers/describe-with-einvoice-validator"
import { einvoiceProblems, validateEInvoices } from "../../dev-support/einvoice-validator"
import { waitFor } from "../../dev-support/wait-for"
import { verifyErpSignature } from "../../src/modules/async-fulfilment/erp/sign-erp-request"
import type { OrderDocument } from "../../src/modules/async-fulfilment/types/order-document"

const testEnv = prepareTestEnv("order-actions")
process.env.ASYNC_FULFILMENT_RISK_THRESHOLDS = JSON.stringify({ pln: 10_000, eur: 2_500 })
jest.setTimeout(120_000)

const BASE = "/admin/async-fulfilment"
const b2bLarge = { ...anna, company: "Nowak Meble Sp. z o.o.", items: [{ variant: "desk" as const, quantity: 4 }] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const { erp, service, settled, mailsTo } = session
    let admin: { headers: Record<string, string> }
    let adminUserId: string
    /** the resent invoice PDF of the first test, validated at the end */
    let resentPdf: Buffer | null = null
    const fail = (promise: Promise<unknown>) => promise.catch((e: any) => e.response)

    beforeEach(async () => {
      admin = await createAdminAuthHeaders(getContainer())
      const token = admin.headers.authorization.replace(/^Bearer /, "")
      adminUserId = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")).actor_id
    })

    const resend = (orderId: string, body: object = {}) => api.post(`${BASE}/orders/${orderId}/resend-mail`, body, admin)
    const resync = (orderId: string, body: object = {}) => api.post(`${BASE}/orders/${orderId}/resync-erp`, body, admin)
    const auditOf = async (orderId: string) => (await api.get(`${BASE}/orders/${orderId}/audit`, admin)).data
    const jobCompleted = (orderId: string, kind: string, subject: string) =>
      waitFor(`${kind} ${subject} of ${orderId} to complete`, async () => {
        const [row] = await service().listSideEffectJobs({ order_id: orderId, kind: kind as any, subject })
        return row?.status === "completed" ? row : null
      })
    const fromAdmin = (action: string, extra: object = {}) =>
      expect.objectContaining({ action, actor_type: "user", actor_id: adminUserId, ...extra })

    it("resends the invoice mail as a job of its own: same invoice number and stored PDF, to the order's address or another, with an audit entry", async () => {
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const invoice = (await service().findInvoice(order.id))!
      const storedPdf = await getContainer().resolve(Modules.FILE).getAsBuffer(invoice.file_id!)
      const [confirmation] = mailsTo(order.id)

      const first = await resend(order.id, { note: "customer lost the mail" })
      expect(first.status).toBe(202)
      expect(first.data.job).toMatchObject({ kind: "mail", subject: "resend-1", order_id: order.id, attempts: expect.any(Number) })
      expect(first.data.job).toHaveProperty("error_history")
      expect(first.data.audit_entry).toMatchObject({
        order_id: order.id,
        action: "resend_mail",
        actor_type: "user",
        actor_id: adminUserId,
        note: "customer lost the mail",
        details: { subject: "resend-1", job_id: first.data.job.id, to: null },
        created_at: expect.any(String),
      })
      await jobCompleted(order.id, "mail", "resend-1")
      const again = mailsTo(order.id)
      expect(again).toHaveLength(2)
      expect(again[1].envelopeTo).toEqual([anna.email])
      expect(again[1].parsed.subject).toBe(confirmation.parsed.subject)
      expect(again[1].parsed.subject).toContain(invoice.number)
      expect(again[1].parsed.messageId).not.toBe(confirmation.parsed.messageId)
      const attachment = again[1].parsed.attachments.find((file: any) => file.contentType === "application/pdf")
      expect(Buffer.compare(attachment.content, storedPdf)).toBe(0)
      resentPdf = attachment.content

      const second = await resend(order.id, { to: "accounting@nowak-meble.example" })
      expect(second.data.job.subject).toBe("resend-2")
      await jobCompleted(order.id, "mail", "resend-2")
      const toOther = mailsTo(order.id)[2]
      expect(toOther.envelopeTo).toEqual(["accounting@nowak-meble.example"])
      expect(toOther.parsed.subject).toContain(invoice.number)
      // the order's own jobs are as they were; the resends are rows of their own
      expect((await session.rowsOf(order.id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
      const { data: detail } = await api.get(`${BASE}/jobs/${second.data.job.id}`, admin)
      expect(detail.job).toMatchObject({ status: "completed", result: { invoice_number: invoice.number, to_given: true } })

      const audit = await auditOf(order.id)
      expect(audit.count).toBe(2)
      expect(audit.audit_entries).toEqual([
        fromAdmin("resend_mail", { details: expect.objectContaining({ subject: "resend-2", to: "accounting@nowak-meble.example" }) }),
        fromAdmin("resend_mail", { details: expect.objectContaining({ subject: "resend-1", to: null }) }),
      ])
    })

    it("answers 409 before the invoice is issued, 404 for an unknown order, 400 for bad bodies and 401 without a session", async () => {
      const invoiceQueue = service().getQueues().queue("invoice")
      await invoiceQueue.pause()
      let orderId: string
      try {
        orderId = (await session.placeOrder(anna)).id
        await waitFor("the order's side effects to be recorded", async () => ((await session.rowsOf(orderId)).length === 3 ? true : null))
        const early = await fail(resend(orderId))
        expect(early.status).toBe(409)
        expect(early.data.message).toContain(`Order ${orderId} has no issued invoice`)
      } finally {
        await invoiceQueue.resume()
      }
      await settled(orderId!)
      expect((await auditOf(orderId!)).count).toBe(0)
      expect(await service().listSideEffectJobs({ order_id: orderId!, subject: { $ne: "" } })).toHaveLength(0)

      expect((await fail(resend("order_missing"))).status).toBe(404)
      expect((await fail(resync("order_missing"))).status).toBe(404)
      const bad = [
        await fail(resend(orderId!, { to: "not-an-address" })),
        await fail(resend(orderId!, { to: "" })),
        await fail(resend(orderId!, { cc: "someone@example.com" })),
        await fail(resync(orderId!, { note: 42 })),
        await fail(api.get(`${BASE}/orders/${orderId!}/audit?limit=0`, admin)),
      ]
      expect(bad.map((response) => response.status)).toEqual([400, 400, 400, 400, 400])
      expect(bad[0].data).toMatchObject({ type: "invalid_data", message: expect.stringContaining("`to` must be an e-mail address") })

      const anonymous = [
        await fail(api.post(`${BASE}/orders/${orderId!}/resend-mail`, {})),
        await fail(api.post(`${BASE}/orders/${orderId!}/resync-erp`, {})),
        await fail(api.get(`${BASE}/orders/${orderId!}/audit`)),
      ]
      expect(anonymous.map((response) => response.status)).toEqual([401, 401, 401])
      expect(mailsTo(orderId!)).toHaveLength(1)
    })

    it("sends the order document to the ERP again under erp-<order>-r1, then with its credit note under -r2", async () => {
      const order = await session.placeOrder(anna)
      await settled(order.id)
      const [original] = erp.callsFor(order.id)

      const { status, data } = await resync(order.id, { note: "ERP lost the order" })
      expect(status).toBe(202)
      expect(data.jobs.map((job: any) => [job.kind, job.subject])).toEqual([["erp", "resync-1"]])
      expect(data.audit_entry).toMatchObject({
        action: "resync_erp",
        actor_id: adminUserId,
        note: "ERP lost the order",
        details: { n: 1, jobs: [expect.objectContaining({ subject: "resync-1", idempotency_key: `erp-${order.id}-r1` })] },
      })
      await jobCompleted(order.id, "erp", "resync-1")
      const first = erp.callsFor(order.id)[1]
      expect(first.idempotencyKey).toBe(`erp-${order.id}-r1`)
      expect(verifyErpSignature(first.rawBody, first.signature!, testEnv.erpSecret, { idempotencyKey: first.idempotencyKey })).toBe(true)
      // the same document as the first time, under its new key
      expect(first.body).toEqual(original.body)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      await waitFor("the credit note's jobs to complete", async () => {
        const rows = await session.creditNoteRowsOf(order.id)
        const own = rows.filter((row) => row.subject.startsWith("afcn_"))
        return own.length === 3 && own.every((row) => row.status === "completed") ? own : null
      })
      const [creditNote] = await service().findOrderCreditNotes(order.id)
      const callsBefore = erp.callsFor(order.id).length

      const { data: secondData } = await resync(order.id)
      expect(secondData.jobs.map((job: any) => job.subject)).toEqual(["resync-2", `resync-2-${creditNote.id}`])
      await jobCompleted(order.id, "erp", "resync-2")
      await jobCompleted(order.id, "erp", `resync-2-${creditNote.id}`)
      const resent = erp.callsFor(order.id).slice(callsBefore)
      expect(resent.map((call) => call.idempotencyKey).sort()).toEqual([`erp-${creditNote.id}-r2`, `erp-${order.id}-r2`].sort())
      const creditNoteCall = resent.find((call) => call.idempotencyKey === `erp-${creditNote.id}-r2`)!
      expect(creditNoteCall.body).toMatchObject({ type: "credit_note", order_id: order.id })
      expect(verifyErpSignature(creditNoteCall.rawBody, creditNoteCall.signature!, testEnv.erpSecret)).toBe(true)

      const audit = await auditOf(order.id)
      expect(audit.audit_entries.map((entry: any) => [entry.action, entry.details.n])).toEqual([
        ["resync_erp", 2],
        ["resync_erp", 1],
      ])
    })

    it("records retries, bulk retries, discards and review decisions in the order's audit trail with the admin's id and note", async () => {
      erp.respondWith((call) =>
        ["audit-1@example.com", "audit-2@example.com"].includes(call.body?.customer?.email)
          ? { status: 422, body: { error: "unknown VAT id" } }
          : { status: 201 }
      )
      const first = await session.placeOrder({ ...anna, email: "audit-1@example.com" })
      const second = await session.placeOrder({ ...anna, email: "audit-2@example.com" })
      await session.statusOf(first.id, "erp", "failed")
      await session.statusOf(second.id, "erp", "failed")
      const erpJob = (await session.rowOf(first.id, "erp"))!

      await api.post(`${BASE}/jobs/${erpJob.id}/discard`, { note: "booked by hand" }, admin)
      erp.respondWith(null)
      await api.post(`${BASE}/jobs/${erpJob.id}/retry`, { note: "VAT id fixed" }, admin)
      await session.statusOf(first.id, "erp", "completed")
      const { data: bulk } = await api.post(`${BASE}/jobs/retry`, { kind: "erp", note: "ERP fixed" }, admin)
      expect(bulk.retried).toBe(1)
      await session.statusOf(second.id, "erp", "completed")

      const jobs = [{ id: erpJob.id, kind: "erp", subject: "" }]
      expect((await auditOf(first.id)).audit_entries).toEqual([
        fromAdmin("retry", { note: "VAT id fixed", details: { jobs } }),
        fromAdmin("discard", { note: "booked by hand", details: { jobs } }),
      ])
      expect((await auditOf(second.id)).audit_entries).toEqual([fromAdmin("bulk_retry", { note: "ERP fixed" })])

      const b2b = await session.placeOrder({ ...b2bLarge, email: "audit-b2b@example.com" })
      const review = await waitFor("a pending review", async () => {
        const { data } = await api.get(`${BASE}/reviews?status=pending`, admin)
        return data.reviews.find((candidate: any) => candidate.order_id === b2b.id)
      })
      await api.post(`${BASE}/reviews/${review.id}/approve`, { note: "known customer" }, admin)
      await settled(b2b.id)
      expect((await auditOf(b2b.id)).audit_entries).toEqual([
        fromAdmin("review_approve", { note: "known customer", details: { review_id: review.id } }),
      ])
      // a refused action leaves no entry
      expect((await fail(api.post(`${BASE}/reviews/${review.id}/reject`, {}, admin))).status).toBe(409)
      expect((await auditOf(b2b.id)).count).toBe(1)
    })

    it("a GDPR erasure blanks the address a resend was given and the notes, keeps who did what, and records itself", async () => {
      const shopper = { ...anna, email: "erase-resend@example.com" }
      const order = await session.placeOrder(shopper)
      await settled(order.id)
      await resend(order.id, { to: "partner-of-anna@example.com", note: "Anna asked on the phone" })
      await jobCompleted(order.id, "mail", "resend-1")
      const customerId = ((await service().retrieveOrderDocument(order.id)) as OrderDocument).customer!.id

      await api.post(`${BASE}/customers/${customerId}/erase`, {}, admin)

      const audit = await auditOf(order.id)
      expect(JSON.stringify(audit)).not.toMatch(/partner-of-anna|Anna/)
      expect(audit.audit_entries).toEqual([
        fromAdmin("erase_personal_data", { details: { customer_id: customerId } }),
        fromAdmin("resend_mail", { note: null, details: expect.objectContaining({ subject: "resend-1", to: null, to_erased: true }) }),
      ])
      // the erased resend is never sent to another address
      const [row] = await service().listSideEffectJobs({ order_id: order.id, subject: "resend-1" })
      await service().updateSideEffectJobs({ id: row.id, status: "discarded" })
      await api.post(`${BASE}/jobs/${row.id}/retry`, {}, admin)
      await waitFor("the erased resend to fail", async () => {
        const [again] = await service().listSideEffectJobs({ id: row.id })
        return again.status === "failed" ? again : null
      })
      expect(mailsTo(order.id)).toHaveLength(2)
    })

    describeWithEInvoiceValidator("the EN 16931 validator on the resent invoice", () => {
      it("passes the Factur-X PDF the resend attached with 0 fatal errors", async () => {
        expect(resentPdf).not.toBeNull()
        const verdicts = await validateEInvoices([{ name: "resent invoice PDF", content: resentPdf! }])
        const problems = Object.fromEntries([...verdicts].map(([name, verdict]) => [name, einvoiceProblems(verdict)]))
        expect(problems).toEqual({ "resent invoice PDF": [] })
      }, 120_000)
    })
  },
})
