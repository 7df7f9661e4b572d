import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import type { OrderDocument } from "../types/order-document"
import type { SideEffectKind } from "../types/side-effect"
import { makeOrderDocument } from "./__fixtures__/order-document"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afpd-${run}`
const RETENTION_DAYS = 30

/** An order of `customerId` with everything personal a store may send, and a phone on both addresses. */
const orderOf = (orderId: string, customerId: string): OrderDocument => {
  const document = makeOrderDocument({ order_id: orderId, email: `${customerId}@example.com`, metadata: { vat_id: "GB123456789" } })
  document.customer = { id: customerId, first_name: "Ada", last_name: "Lovelace", company_name: "Analytical Ltd", group_ids: ["cg_b2b"], metadata: { note: "VIP" } }
  document.billing_address = { ...document.billing_address!, phone: "+44 20 7946 0000", company: "Analytical Ltd" }
  document.shipping_address = { ...document.billing_address!, address_1: "1 Other Street" }
  return document
}
const PERSONAL = ["@example.com", "Ada", "Lovelace", "Analytical", "12 Analytical Row", "1 Other Street", "N1 9GU", "London", "+44 20", "GB123456789", "VIP"]

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-personal-data-${run}`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.org" },
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { seller: TEST_SELLER },
    retention: { orderSnapshots: RETENTION_DAYS },
  },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const redis = new IORedis(redisUrl)

    afterAll(async () => {
      const leftovers = await redis.keys(`${queuePrefix}:*`)
      await Promise.all(leftovers.map((key) => redis.unlink(key)))
      redis.disconnect()
    })

    const sql = (query: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(query, params)
    const snapshotOf = async (orderId: string) => (await service.retrieveOrderDocument(orderId)) as OrderDocument
    const jobsOf = (orderId: string) => service.listSideEffectJobs({ order_id: orderId }, { order: { kind: "ASC" } })

    /** Records the order, completes its jobs (the mail after a failed attempt that quoted the address) and issues its invoice number. */
    const placeAndFinish = async (orderId: string, customerId: string) => {
      await service.recordOrderSideEffects({ document: orderOf(orderId, customerId), event_id: null })
      const kinds: SideEffectKind[] = ["invoice", "mail", "erp"]
      await service.markSideEffectActive(orderId, "mail", 1, {})
      await service.markSideEffectFailed(orderId, "mail", {
        attempt: 1,
        message: `SMTP 450 for <${customerId}@example.com>, try again`,
        stack_head: "at send (mail.ts:1:1)",
        final: false,
        retry_in_ms: 1,
      })
      for (const kind of kinds) {
        await service.markSideEffectActive(orderId, kind, 2, {})
        await service.markSideEffectCompleted(orderId, kind, { done: kind })
      }
      return service.allocateInvoice(orderId)
    }

    it("erases a customer's personal fields from snapshots and jobs, keeps invoice numbers and amounts, and leaves others alone", async () => {
      const invoice = await placeAndFinish("order_erase_1", "cus_erase")
      await placeAndFinish("order_erase_2", "cus_erase")
      await placeAndFinish("order_other", "cus_other")
      const totalsBefore = (await snapshotOf("order_erase_1")).totals

      const { order_ids } = await service.eraseCustomerPersonalData("cus_erase")

      expect(order_ids.sort()).toEqual(["order_erase_1", "order_erase_2"])
      for (const orderId of order_ids) {
        const snapshot = await snapshotOf(orderId)
        const stored = JSON.stringify(snapshot)
        for (const personal of PERSONAL) {
          expect([orderId, personal, stored.includes(personal)]).toEqual([orderId, personal, false])
        }
        expect(snapshot).toMatchObject({
          email: null,
          customer: { id: "cus_erase", first_name: null, last_name: null, company_name: null, metadata: null },
          billing_address: { country_code: "gb", phone: null, address_1: null },
          metadata: null,
          erased_at: expect.any(String),
        })
        const jobs = await jobsOf(orderId)
        expect(jobs.find((job) => job.kind === "mail")).toMatchObject({ last_error: null, error_history: null })
        expect(JSON.stringify(jobs)).not.toContain("example.com")
        expect((await jobsOf(orderId)).map((job) => job.status)).toEqual(["completed", "completed", "completed"])
      }
      const erased = await snapshotOf("order_erase_1")
      expect(erased.totals).toEqual(totalsBefore)
      expect(erased.items.map((item) => item.total)).toEqual(orderOf("x", "y").items.map((item) => item.total))
      expect(await service.findInvoice("order_erase_1")).toMatchObject({ number: invoice.number, order_id: "order_erase_1" })

      const other = await snapshotOf("order_other")
      expect(other.email).toBe("cus_other@example.com")
      expect(other.billing_address?.address_1).toBe("12 Analytical Row")
      // the failed attempt's message is what erasure removes from the jobs: the other customer keeps it
      expect(JSON.stringify(await jobsOf("order_other"))).toContain("cus_other@example.com")

      // idempotent: a second request finds the same orders and changes nothing more
      expect((await service.eraseCustomerPersonalData("cus_erase")).order_ids.sort()).toEqual(["order_erase_1", "order_erase_2"])
      expect((await service.eraseCustomerPersonalData("cus_nobody")).order_ids).toEqual([])
    })

    it("refuses (CONFLICT) while a side effect of the customer's may still read the order, and changes nothing", async () => {
      await placeAndFinish("order_busy_done", "cus_busy")
      await service.recordOrderSideEffects({ document: orderOf("order_busy_queued", "cus_busy"), event_id: null })

      await expect(service.eraseCustomerPersonalData("cus_busy")).rejects.toMatchObject({
        type: "conflict",
        message: expect.stringContaining("invoice of order_busy_queued is queued"),
      })
      expect((await snapshotOf("order_busy_done")).email).toBe("cus_busy@example.com")
      expect((await snapshotOf("order_busy_done")).erased_at).toBeUndefined()
    })

    it(`applies retention.orderSnapshots (${RETENTION_DAYS} days) to old snapshots whose side effects are done`, async () => {
      await placeAndFinish("order_old_done", "cus_old")
      await service.recordOrderSideEffects({ document: orderOf("order_old_queued", "cus_old"), event_id: null })
      await placeAndFinish("order_recent", "cus_old")
      await sql(
        `UPDATE af_order_snapshot SET created_at = now() - interval '${RETENTION_DAYS + 1} days' WHERE order_id IN ('order_old_done', 'order_old_queued')`
      )

      const { order_ids } = await service.eraseExpiredOrderSnapshots()

      expect(order_ids).toEqual(["order_old_done"])
      expect((await snapshotOf("order_old_done")).email).toBeNull()
      expect((await snapshotOf("order_old_done")).erased_at).toEqual(expect.any(String))
      expect((await snapshotOf("order_old_queued")).email).toBe("cus_old@example.com")
      expect((await snapshotOf("order_recent")).email).toBe("cus_old@example.com")
      expect((await service.eraseExpiredOrderSnapshots()).order_ids).toEqual([])
    })
  },
})
