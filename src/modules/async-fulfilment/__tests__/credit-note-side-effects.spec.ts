import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"
import { modelOf } from "../invoice/__tests__/__fixtures__/build-model"
import { medusaOrderDocument } from "../invoice/__tests__/__fixtures__/medusa-order"
import type { OrderDocument } from "../types/order-document"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afm-cnse-${run}`

const orderDocument = medusaOrderDocument({
  currency: "eur",
  items: [{ title: "Desk", unit_price: 100, quantity: 1, tax: [{ rate: 20 }] }],
  billing: { first_name: "Ada", last_name: "Lovelace", address_1: "1 Main St", city: "Paris", postal_code: "75001", country_code: "fr" },
})

const documentFor = (orderId: string): OrderDocument => ({
  schema_version: 1,
  order_id: orderId,
  display_id: 9,
  placed_at: "2026-11-20T10:00:00.000Z",
  currency_code: "eur",
  email: "buyer@example.com",
  customer: null,
  billing_address: null,
  shipping_address: null,
  items: [],
  shipping_methods: [],
  totals: { item_subtotal: 0, shipping_total: 0, discount_total: 0, tax_total: 0, total: 0 },
  metadata: null,
})

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-${run}-cnse`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.com" },
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { numberPrefix: "FV/", seller: TEST_SELLER },
  },
  testSuite: ({ service }) => {
    const redis = new IORedis(redisUrl)

    afterAll(async () => {
      const keys = await redis.keys(`${queuePrefix}:*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      redis.disconnect()
    })

    /** The order's own rows recorded, its invoice job completed and the invoice issued. */
    const invoicedOrder = async (orderId: string) => {
      await service.recordOrderSideEffects({ document: documentFor(orderId), event_id: "placed" })
      const invoice = await service.allocateInvoice(orderId)
      await service.recordIssuedInvoice(invoice.id, {
        file: { id: `file-${orderId}`, url: `local://${orderId}.pdf` },
        model: { ...modelOf(orderDocument), number: invoice.number },
      })
      await service.markSideEffectActive(orderId, "invoice", 1)
      await service.markSideEffectCompleted(orderId, "invoice", { invoice_number: invoice.number })
      return invoice
    }

    const rowsOf = async (orderId: string) =>
      (await service.listSideEffectJobs({ order_id: orderId }, { order: { kind: "ASC", subject: "ASC" } })).map((row) => ({
        kind: row.kind,
        subject: row.subject,
        status: row.status,
        bullmq_job_id: row.bullmq_job_id,
      }))

    it("records a credit note's three jobs beside the order's, keyed by its id, once however often asked", async () => {
      await invoicedOrder("order_cn_rows")
      const input = { orderId: "order_cn_rows", reason: "cancellation" as const, sourceKey: "cancel:order_cn_rows", eventId: "canceled" }
      const first = await service.issueCreditNoteWithSideEffects(input)
      const repeats = await Promise.all([1, 2, 3].map(() => service.issueCreditNoteWithSideEffects(input)))

      expect(first.created_kinds.sort()).toEqual(["erp", "invoice", "mail"])
      expect(repeats.map((repeat) => [repeat.credit_note.id, repeat.created_kinds])).toEqual(
        repeats.map(() => [first.credit_note.id, []])
      )
      const cn = first.credit_note.id
      expect(await rowsOf("order_cn_rows")).toEqual([
        { kind: "erp", subject: "", status: "queued", bullmq_job_id: "erp-order_cn_rows" },
        { kind: "erp", subject: cn, status: "queued", bullmq_job_id: `erp-order_cn_rows-${cn}` },
        { kind: "invoice", subject: "", status: "completed", bullmq_job_id: "invoice-order_cn_rows" },
        { kind: "invoice", subject: cn, status: "queued", bullmq_job_id: `invoice-order_cn_rows-${cn}` },
        { kind: "mail", subject: "", status: "queued", bullmq_job_id: "mail-order_cn_rows" },
        { kind: "mail", subject: cn, status: "queued", bullmq_job_id: `mail-order_cn_rows-${cn}` },
      ])
      // a repeated order.placed still finds the order's own three rows
      expect((await service.recordOrderSideEffects({ document: documentFor("order_cn_rows"), event_id: "again" })).created_kinds).toEqual([])
    })

    it("moves a credit note's job on its own: the order's job of the same kind is not touched, and its failure fails only its own mail", async () => {
      await invoicedOrder("order_cn_progress")
      const { credit_note } = await service.issueCreditNoteWithSideEffects({
        orderId: "order_cn_progress",
        reason: "cancellation",
        sourceKey: "cancel:order_cn_progress",
        eventId: null,
      })
      const cn = credit_note.id
      expect(await service.markSideEffectActive("order_cn_progress", "erp", 1, { subject: cn })).toMatchObject({ state: "run" })
      await service.markSideEffectCompleted("order_cn_progress", "erp", { status: 200 }, cn)
      expect(await service.findSideEffectState("order_cn_progress", "erp", cn)).toMatchObject({ status: "completed" })
      expect(await service.findSideEffectState("order_cn_progress", "erp")).toMatchObject({ status: "queued" })

      await service.markSideEffectActive("order_cn_progress", "invoice", 1, { subject: cn })
      await service.markSideEffectFailed(
        "order_cn_progress",
        "invoice",
        { attempt: 1, message: "renderer broke", stack_head: null, final: true },
        cn
      )
      const rows = await rowsOf("order_cn_progress")
      expect(rows.filter((row) => row.subject === cn).map((row) => [row.kind, row.status])).toEqual([
        ["erp", "completed"],
        ["invoice", "failed"],
        ["mail", "failed"],
      ])
      expect(rows.filter((row) => row.subject === "").map((row) => [row.kind, row.status])).toEqual([
        ["erp", "queued"],
        ["invoice", "completed"],
        ["mail", "queued"],
      ])
    })

    it("settles a canceled order: invoiced → invoiced, nothing discarded", async () => {
      await invoicedOrder("order_cancel_invoiced")
      expect(await service.settleCanceledOrder("order_cancel_invoiced", "canceled")).toEqual({ state: "invoiced" })
      expect((await rowsOf("order_cancel_invoiced")).map((row) => row.status)).toEqual(["queued", "completed", "queued"])
    })

    it("settles a canceled order not invoiced: its pending jobs (held too) are discarded with the note, and no worker starts them", async () => {
      await service.recordOrderSideEffects({ document: documentFor("order_cancel_early"), event_id: null, held_kinds: ["invoice", "mail"] })
      const settled = await service.settleCanceledOrder("order_cancel_early", "the order was canceled before it was invoiced")
      expect(settled.state).toBe("not_invoiced")
      expect(settled.state === "not_invoiced" && [...settled.discarded_kinds].sort()).toEqual(["erp", "invoice", "mail"])
      const rows = await service.listSideEffectJobs({ order_id: "order_cancel_early" })
      expect(rows.map((row) => [row.status, row.discard_note])).toEqual(
        rows.map(() => ["discarded", "the order was canceled before it was invoiced"])
      )
      expect(await service.markSideEffectActive("order_cancel_early", "invoice", 1)).toEqual({ state: "discarded" })
    })

    it("settles a canceled order whose invoice failed for good but whose ERP job completed: discarded, and the ERP is to be told, once", async () => {
      await service.recordOrderSideEffects({ document: documentFor("order_cancel_erp"), event_id: null })
      await service.markSideEffectActive("order_cancel_erp", "invoice", 1)
      await service.markSideEffectFailed("order_cancel_erp", "invoice", { attempt: 1, message: "no buyer", stack_head: null, final: true })
      await service.markSideEffectActive("order_cancel_erp", "erp", 1)
      await service.markSideEffectCompleted("order_cancel_erp", "erp", { status: 201 })
      const settled = await service.settleCanceledOrder("order_cancel_erp", "canceled")
      expect(settled).toMatchObject({ state: "not_invoiced", erp_received: true })
      expect(settled.state === "not_invoiced" && [...settled.discarded_kinds].sort()).toEqual(["invoice", "mail"])

      expect(await service.recordOrderCanceledNotices("order_cancel_erp", "canceled", { erp: true })).toEqual(["mail", "erp"])
      expect(await service.recordOrderCanceledNotices("order_cancel_erp", "again", { erp: true })).toEqual([])
      expect((await rowsOf("order_cancel_erp")).filter((row) => row.subject === "order_canceled")).toEqual([
        { kind: "erp", subject: "order_canceled", status: "queued", bullmq_job_id: "erp-order_cancel_erp-order_canceled" },
        { kind: "mail", subject: "order_canceled", status: "queued", bullmq_job_id: "mail-order_cancel_erp-order_canceled" },
      ])
    })

    it("counts an ERP document being sent at the moment of the cancellation as received: its notice is recorded (and waits for it)", async () => {
      await service.recordOrderSideEffects({ document: documentFor("order_cancel_erp_active"), event_id: null })
      await service.markSideEffectActive("order_cancel_erp_active", "erp", 1)
      expect(await service.settleCanceledOrder("order_cancel_erp_active", "canceled")).toMatchObject({ state: "not_invoiced", erp_received: true })
      expect((await rowsOf("order_cancel_erp_active")).find((row) => row.kind === "erp" && !row.subject)?.status).toBe("active")
    })

    it("mails the customer of a canceled order only when no risk-review rejection told them already; the ERP only when it had the order", async () => {
      await service.recordOrderSideEffects({ document: documentFor("order_cancel_mail"), event_id: null })
      expect(await service.recordOrderCanceledNotices("order_cancel_mail", "canceled", { erp: false })).toEqual(["mail"])

      await service.recordOrderSideEffects({ document: documentFor("order_cancel_rejected"), event_id: null })
      await service.createRiskReviews({
        order_id: "order_cancel_rejected",
        amount: 50_000,
        currency_code: "pln",
        threshold: 10_000,
        reasons: ["company_name"],
        status: "rejected",
      })
      expect(await service.recordOrderCanceledNotices("order_cancel_rejected", "canceled", { erp: false })).toEqual([])
      expect(await service.recordOrderCanceledNotices("order_cancel_rejected", "canceled", { erp: true })).toEqual(["erp"])
    })

    it("waits for an invoice job a worker is running instead of discarding around it", async () => {
      await service.recordOrderSideEffects({ document: documentFor("order_cancel_running"), event_id: null })
      await service.markSideEffectActive("order_cancel_running", "invoice", 1)
      expect(await service.settleCanceledOrder("order_cancel_running", "canceled")).toEqual({ state: "invoicing" })
      expect((await rowsOf("order_cancel_running")).map((row) => row.status)).toEqual(["queued", "active", "queued"])
    })
  },
})
