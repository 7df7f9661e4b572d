import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import type { OrderDocument } from "../types/order-document"
import { QUEUE_NAMES } from "../queues/names"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afm-${run}`

const documentFor = (orderId: string): OrderDocument => ({
  schema_version: 1,
  order_id: orderId,
  display_id: 7,
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
  dbName: `af-module-${run}`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.com" },
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { numberPrefix: "FV/", seller: TEST_SELLER },
  },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const redis = new IORedis(redisUrl)

    afterAll(async () => {
      const keys = await redis.keys(`${queuePrefix}:*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      redis.disconnect()
    })

    describe("recordOrderSideEffects", () => {
      it("creates one row per kind once; a repeat creates nothing", async () => {
        const first = await service.recordOrderSideEffects({ document: documentFor("order_rec"), event_id: "e1" })
        const again = await service.recordOrderSideEffects({ document: documentFor("order_rec"), event_id: "e2" })
        expect(first.created_kinds.sort()).toEqual(["erp", "invoice", "mail"])
        expect(again.created_kinds).toEqual([])

        const rows = await service.listSideEffectJobs({ order_id: "order_rec" })
        expect(rows).toHaveLength(3)
        expect(rows.every((row) => row.status === "queued" && row.event_id === "e1")).toBe(true)
        expect(rows.find((row) => row.kind === "erp")).toMatchObject({ bullmq_job_id: "erp-order_rec", max_attempts: 10 })
        expect((await service.retrieveOrderDocument("order_rec")).display_id).toBe(7)
      })

      it("survives concurrent repeats of the same order without a duplicate or an error", async () => {
        const results = await Promise.all(
          Array.from({ length: 5 }, () => service.recordOrderSideEffects({ document: documentFor("order_race"), event_id: null }))
        )
        expect(results.flatMap((result) => result.created_kinds).sort()).toEqual(["erp", "invoice", "mail"])
        expect(await service.listSideEffectJobs({ order_id: "order_race" })).toHaveLength(3)
      })

      it("records held rows for orders that wait for a decision", async () => {
        await service.recordOrderSideEffects({
          document: documentFor("order_held"),
          event_id: null,
          held_kinds: ["invoice", "mail"],
        })
        const rows = await service.listSideEffectJobs({ order_id: "order_held" })
        expect(Object.fromEntries(rows.map((row) => [row.kind, row.status]))).toEqual({
          invoice: "held",
          mail: "held",
          erp: "queued",
        })
      })
    })

    describe("allocateInvoice", () => {
      it("hands out gap-free numbers, once per order, even when allocations race", async () => {
        const orders = Array.from({ length: 20 }, (_, i) => `order_inv_${i}`)
        const issuedAt = new Date("2026-03-01T12:00:00Z")
        const invoices = await Promise.all(orders.map((id) => service.allocateInvoice(id, issuedAt)))
        const again = await Promise.all(orders.slice(0, 5).map((id) => service.allocateInvoice(id, issuedAt)))

        expect(invoices.map((invoice) => invoice.sequence_value).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1)
        )
        expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(20)
        expect(invoices.every((invoice) => /^FV\/2026-\d{6}$/.test(invoice.number))).toBe(true)
        expect(again.map((invoice) => invoice.number)).toEqual(invoices.slice(0, 5).map((invoice) => invoice.number))
      })

      it("allocates one number when the same order races itself", async () => {
        const same = await Promise.all(Array.from({ length: 6 }, () => service.allocateInvoice("order_same")))
        expect(new Set(same.map((invoice) => invoice.number)).size).toBe(1)
        expect(await service.listInvoices({ order_id: "order_same" })).toHaveLength(1)
      })

      it("pads the number to the padding and never cuts a longer one", async () => {
        const manager = MikroOrmWrapper.forkManager()
        await manager.execute(
          `INSERT INTO af_invoice_sequence (id, scope, last_value) VALUES ('afseq_long', 'FV/2027-', 1234566)`
        )
        const long = await service.allocateInvoice("order_long", new Date("2027-02-01T12:00:00Z"))
        const next = await service.allocateInvoice("order_long_next", new Date("2027-02-01T12:00:00Z"))
        expect([long.number, next.number]).toEqual(["FV/2027-1234567", "FV/2027-1234568"])
        expect(long.sequence_value).toBe(1234567)
        expect((await service.allocateInvoice("order_short", new Date("2028-01-01T00:00:00Z"))).number).toBe("FV/2028-000001")
      })

      it("starts a new sequence in a new year", async () => {
        const previous = await service.allocateInvoice("order_2025", new Date("2025-12-31T23:00:00Z"))
        expect(previous.number).toBe("FV/2025-000001")
      })
    })

    describe("attempt bookkeeping", () => {
      it("goes queued → active → queued with the error → completed, keeping the history", async () => {
        await service.recordOrderSideEffects({ document: documentFor("order_life"), event_id: null })
        expect(await service.markSideEffectActive("order_life", "erp", 1)).toEqual({
          state: "run",
          reads: { document: documentFor("order_life"), invoice: null },
        })
        await service.markSideEffectFailed("order_life", "erp", { attempt: 1, message: "HTTP 503", stack_head: "at send (erp-client.ts:1:1)", final: false })
        let [row] = await service.listSideEffectJobs({ order_id: "order_life", kind: "erp" })
        expect(row).toMatchObject({ status: "queued", attempts: 1, last_error: "HTTP 503" })
        // the ERP's first retry waits backoffMs (5 s by default)
        const wait = new Date(row.next_retry_at!).getTime() - Date.now()
        expect(wait).toBeGreaterThan(3_000)
        expect(wait).toBeLessThanOrEqual(5_000)

        await service.markSideEffectActive("order_life", "erp", 2)
        await service.markSideEffectCompleted("order_life", "erp", { reference: "ERP-1" })
        ;[row] = await service.listSideEffectJobs({ order_id: "order_life", kind: "erp" })
        expect(row).toMatchObject({ status: "completed", attempts: 2, last_error: null, next_retry_at: null, result: { reference: "ERP-1" } })
        expect(row.error_history).toEqual([expect.objectContaining({ attempt: 1, message: "HTTP 503", stack_head: "at send (erp-client.ts:1:1)", final: false })])
        expect(await service.markSideEffectActive("order_life", "erp", 3)).toEqual({
          state: "completed",
          result: { reference: "ERP-1" },
        })
      })

      it("starts a row in one statement: active with this attempt; missing, discarded and taken-over rows said so", async () => {
        await service.recordOrderSideEffects({ document: documentFor("order_start"), event_id: null })
        expect(await service.markSideEffectActive("order_start", "invoice", 1)).toMatchObject({ state: "run" })
        const [invoice] = await service.listSideEffectJobs({ order_id: "order_start", kind: "invoice" })
        expect(invoice).toMatchObject({ status: "active", attempts: 1, next_retry_at: null })
        expect(invoice.started_at).toBeInstanceOf(Date)

        expect(await service.markSideEffectActive("order_none", "invoice", 1)).toEqual({ state: "missing" })

        // an admin discards failed rows only
        await service.markSideEffectFailed("order_start", "invoice", { attempt: 1, message: "no items", stack_head: null, final: true })
        await service.discardSideEffectJob(invoice.id, "by hand")
        expect(await service.markSideEffectActive("order_start", "invoice", 2)).toEqual({ state: "discarded" })
        const [still] = await service.listSideEffectJobs({ order_id: "order_start", kind: "invoice" })
        expect(still).toMatchObject({ status: "discarded", attempts: 1 })

        expect(await service.markSideEffectActive("order_start", "mail", 1, { resumedAfterStall: true })).toEqual({ state: "run" })
        const [mail] = await service.listSideEffectJobs({ order_id: "order_start", kind: "mail" })
        expect(mail).toMatchObject({ status: "active", attempts: 1 })
        expect(mail.error_history).toEqual([expect.objectContaining({ attempt: 1, message: expect.stringContaining("may arrive twice") })])
      })

      it("reads the order document and its invoice in the statement that starts the job, only when it starts", async () => {
        await service.recordOrderSideEffects({ document: documentFor("order_reads"), event_id: null })
        const invoice = await service.allocateInvoice("order_reads")
        const start = await service.markSideEffectActive("order_reads", "mail", 1)
        expect(start).toEqual({ state: "run", reads: { document: documentFor("order_reads"), invoice } })
        expect(invoice.issued_at).toBeInstanceOf(Date)

        await service.markSideEffectCompleted("order_reads", "mail", { message_id: "m1" })
        expect(await service.markSideEffectActive("order_reads", "mail", 2)).toEqual({ state: "completed", result: { message_id: "m1" } })
      })

      it("fails the mail with its invoice when the invoice fails for good", async () => {
        await service.recordOrderSideEffects({ document: documentFor("order_bad"), event_id: null })
        await service.markSideEffectFailed("order_bad", "invoice", { attempt: 5, message: "no items", stack_head: null, final: true })
        const rows = await service.listSideEffectJobs({ order_id: "order_bad" })
        expect(rows.find((row) => row.kind === "invoice")).toMatchObject({ status: "failed", last_error: "no items" })
        expect(rows.find((row) => row.kind === "mail")?.last_error).toContain("the invoice it attaches failed")
        expect(rows.find((row) => row.kind === "erp")?.status).toBe("queued")
      })
    })

    describe("enqueueOrderSideEffects", () => {
      it("adds the order's three jobs under derived ids, and nothing more on a repeat", async () => {
        const input = { order_id: "order_q", event_id: "e1", kinds: ["invoice", "mail", "erp"] as const }
        const ids = await service.enqueueOrderSideEffects({ ...input, kinds: [...input.kinds] })
        await service.enqueueOrderSideEffects({ ...input, kinds: [...input.kinds] })
        expect(ids.sort()).toEqual(["erp-order_q", "invoice-order_q", "mail-order_q"])

        // The module's workers run here too (and fail these row-less jobs), so count any state.
        const queues = Object.values(QUEUE_NAMES).map((name) => new Queue(name, { connection: redis, prefix: queuePrefix }))
        try {
          const counts = await Promise.all(queues.map((queue) => queue.getJobCounts()))
          expect(counts.map((count) => Object.values(count).reduce((sum, n) => sum + n, 0))).toEqual([1, 1, 1])
        } finally {
          await Promise.all(queues.map((queue) => queue.close()))
        }
      })
    })
  },
})
