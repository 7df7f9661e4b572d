import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { deleteRedisKeys } from "../../dev-support/redis-cleanup"
import { waitFor } from "../../dev-support/wait-for"
import { reconcileSideEffectsWorkflow, scheduleOrderSideEffectsWorkflow } from "../../src/workflows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUEUE_NAMES, sideEffectJobId } from "../../src/modules/async-fulfilment/queues/names"
import { copyOrder } from "../helpers/copy-orders"

const testEnv = prepareTestEnv("reliability")
// the outage below lasts while ten orders are placed: give retries room (0.5 s doubling over 8 attempts ≈ 64 s)
process.env.ASYNC_FULFILMENT_ATTEMPTS = "8"
process.env.ASYNC_FULFILMENT_BACKOFF_MS = "500"
jest.setTimeout(120_000)
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const redis = new IORedis(redisUrl)
    const queues = Object.values(QUEUE_NAMES).map((name) => new Queue(name, { connection: redis, prefix: testEnv.queuePrefix }))
    const reconcile = async () => (await reconcileSideEffectsWorkflow(getContainer()).run()).result

    afterAll(async () => {
      await Promise.all(queues.map((queue) => queue.close()))
      redis.disconnect()
    })

    const expectEachEffectOnce = async (orderIds: string[]) => {
      for (const orderId of orderIds) {
        expect((await session.rowsOf(orderId)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
        expect(session.mailsTo(orderId)).toHaveLength(1)
        expect(session.erp.callsFor(orderId).filter((call) => call.status === 201)).toHaveLength(1)
        expect(await session.service().listInvoices({ order_id: orderId })).toHaveLength(1)
      }
    }

    it("restores every job after Redis lost the queues before the workers ran, and runs nothing twice", async () => {
      await Promise.all(queues.map((queue) => queue.pause()))
      const orders = [await session.placeOrder(), await session.placeOrder(), await session.placeOrder()]
      for (const order of orders) {
        await session.statusOf(order.id, "erp", "queued")
      }
      // what FLUSHALL or a restart without persistence does to this store's queues
      await deleteRedisKeys(redisUrl, [`${testEnv.queuePrefix}:`])
      await sleep(1_100)

      const first = await reconcile()
      expect(first.ran).toBe(true)
      expect(first.requeued_jobs).toHaveLength(9)
      await Promise.all(orders.map((order) => session.settled(order.id)))
      const second = await reconcile()
      expect(second.requeued_jobs).toEqual([])
      await expectEachEffectOnce(orders.map((order) => order.id))
    })

    it("schedules an order whose order.placed never arrived, once, even with two sweeps at the same time", async () => {
      const recorded = await session.placeOrder()
      await session.settled(recorded.id)
      // createOrderWorkflow emits no order.placed: the order exists, the pipeline never heard of it
      const { result: lost } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: session.store.regions.pln,
          email: "lost-event@example.com",
          currency_code: "pln",
          // an invoice needs its buyer: the billing address (an order without one fails its invoice job, saying so)
          billing_address: { first_name: "Lena", last_name: "Lost", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
          items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
        },
      })
      await sleep(1_100)
      expect(await session.rowsOf(lost.id)).toEqual([])

      const [a, b] = await Promise.all([reconcile(), reconcile()])
      expect([a.ran, b.ran].sort()).toEqual([false, true])
      expect([...a.scheduled_orders, ...b.scheduled_orders]).toEqual([lost.id])
      await session.settled(lost.id)
      expect((await reconcile()).scheduled_orders).toEqual([])
      await expectEachEffectOnce([lost.id])
    })

    it("delivers every mail and ERP document of a 50-order burst once, across an SMTP and ERP outage", async () => {
      await session.smtp.close()
      session.erp.respondWith(() => ({ status: 500, body: { error: "maintenance" } }))
      const started = Date.now()
      const orders: { id: string }[] = []
      const shoppers = Array.from({ length: 50 }, (_, i) => ({ ...anna, email: `burst-${i}@example.com` }))
      for (let i = 0; i < shoppers.length; i += 10) {
        orders.push(...(await Promise.all(shoppers.slice(i, i + 10).map((shopper) => session.placeOrder(shopper)))))
        if (i === 0) {
          // the first ten orders' ERP calls meet the outage (they wait for their invoices first),
          // then the SMTP server and ERP come back
          await waitFor("an ERP call refused during the outage", async () => session.erp.calls.some((call) => call.status === 500), {
            timeoutMs: 60_000,
          })
          await session.smtp.listen()
          session.erp.respondWith(null)
        }
      }
      const placedInMs = Date.now() - started
      await Promise.all(orders.map((order) => session.settled(order.id)))
      const failedRows = (await Promise.all(orders.map((order) => session.rowsOf(order.id))))
        .flat()
        .filter((row) => row.status !== "completed")
      expect(failedRows.map((row) => [row.kind, row.status, row.last_error])).toEqual([])

      const mailed = orders.map((order) => session.mailsTo(order.id).length)
      const accepted = new Map<string, number>()
      for (const call of session.erp.accepted()) {
        accepted.set(call.idempotencyKey!, (accepted.get(call.idempotencyKey!) ?? 0) + 1)
      }
      expect(mailed.every((count) => count === 1)).toBe(true)
      expect(orders.every((order) => accepted.get(`erp-${order.id}`) === 1)).toBe(true)
      const refused = session.erp.calls.filter((call) => call.status === 500).length
      console.info(`burst: 50 orders placed in ${placedInMs} ms, ${mailed.length} mails, ${accepted.size} ERP documents, ${refused} ERP calls refused during the outage, 0 duplicates`)
      expect(refused).toBeGreaterThan(0)
      await expectEachEffectOnce(orders.map((order) => order.id))
      // placing 50 orders through the store API alone takes 60–80 s on a 2-core machine
    }, 300_000)

    it("keeps a malformed job in the failed set with its reason, and the worker goes on", async () => {
      const erpQueue = queues[Object.keys(QUEUE_NAMES).indexOf("erp")]
      await erpQueue.add("erp", { schema_version: 99, order_id: 42 }, { jobId: "malformed-1", attempts: 3 })
      const failed = await (async () => {
        for (let i = 0; i < 100; i++) {
          const job = await erpQueue.getJob("malformed-1")
          if (job?.failedReason) {
            return job
          }
          await sleep(100)
        }
        throw new Error("the malformed job was not failed")
      })()
      expect(failed.failedReason).toMatch(/^malformed job payload: /)
      expect(failed.attemptsMade).toBe(1)

      const order = await session.placeOrder(anna)
      await session.settled(order.id)
      await expectEachEffectOnce([order.id])
    })
    it("delivers the mail once when Redis lost only the invoice job under it", async () => {
      const [invoiceQueue, mailQueue] = queues
      await Promise.all(queues.map((queue) => queue.pause()))
      let resumed = false
      try {
        const order = await session.placeOrder()
        const invoiceJobId = sideEffectJobId("invoice", order.id)
        await waitFor("the order's mail to wait for its invoice", async () =>
          (await mailQueue.getJobState(sideEffectJobId("mail", order.id))) === "waiting-children"
        )
        // only the invoice job's keys go (its hash, its place in the list); the mail still waits for it
        await redis.del(`${testEnv.queuePrefix}:${QUEUE_NAMES.invoice}:${invoiceJobId}`)
        for (const list of ["wait", "paused"]) {
          await redis.lrem(`${testEnv.queuePrefix}:${QUEUE_NAMES.invoice}:${list}`, 0, invoiceJobId)
        }
        expect(await invoiceQueue.getJobState(invoiceJobId)).toBe("unknown")
        await sleep(1_100)

        const swept = await reconcile()
        const invoiceRow = await session.rowOf(order.id, "invoice")
        expect(swept.requeued_jobs).toContain(invoiceRow!.id)
        await Promise.all(queues.map((queue) => queue.resume()))
        resumed = true
        await session.settled(order.id)
        await expectEachEffectOnce([order.id])
        expect((await reconcile()).requeued_jobs).toEqual([])
      } finally {
        if (!resumed) {
          await Promise.all(queues.map((queue) => queue.resume()))
        }
      }
    })

    it("records every one of 2,000 orders placed while no worker ran and whose order.placed was lost", async () => {
      await Promise.all(queues.map((queue) => queue.pause()))
      try {
        const createOrder = async (email: string) =>
          (
            await createOrderWorkflow(getContainer()).run({
              input: {
                region_id: session.store.regions.pln,
                email,
                currency_code: "pln",
                billing_address: { first_name: "Lena", last_name: "Lost", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
                items: [{ title: "Desk", quantity: 1, unit_price: 100 }],
              },
            })
          ).result
        // the plugin records one order the usual way (its order.placed arrived)…
        const recorded = await createOrder("recorded-first@example.com")
        await scheduleOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: recorded.id, event_id: "placed" } })
        // …then createOrderWorkflow, which emits no order.placed, and 1,999 SQL copies of its order stand in for the lost ones
        const lost = await createOrder("lost-burst@example.com")
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // the plugin has been recording for an hour; the lost orders were placed in the last few seconds, past the grace period
        await knex.raw(`UPDATE af_side_effect_job SET created_at = created_at - interval '1 hour' WHERE order_id = ?`, [recorded.id])
        await knex.raw(`UPDATE "order" SET created_at = now() - interval '1100 milliseconds' WHERE id = ?`, [lost.id])
        const orderIds = [lost.id, ...(await copyOrder(knex, lost.id, 1_999))]

        const started = Date.now()
        const perSweep: number[] = []
        for (let sweep = 0; sweep < 30; sweep++) {
          const { scheduled_orders } = await reconcile()
          if (!scheduled_orders.length) {
            break
          }
          perSweep.push(scheduled_orders.length)
        }
        const [{ unrecorded }] = (
          await knex.raw(
            `SELECT count(*)::int AS unrecorded FROM unnest(?::text[]) AS o(id)
             WHERE NOT EXISTS (SELECT 1 FROM af_side_effect_job j WHERE j.order_id = o.id)`,
            [orderIds]
          )
        ).rows
        console.info(
          `unrecorded orders: ${2_000 - unrecorded} of 2,000 recorded in ${perSweep.length} sweeps (${perSweep.join(", ")}), ${Date.now() - started} ms`
        )
        expect(unrecorded).toBe(0)
        const { rows: [{ recorded_rows }] } = await knex.raw(
          `SELECT count(*)::int AS recorded_rows FROM af_side_effect_job WHERE order_id = ANY(?::text[])`,
          [orderIds]
        )
        expect(recorded_rows).toBe(6_000)
      } finally {
        // their 6,000 queue jobs never run: taken out of Redis, and their rows out of later sweeps' way
        await Promise.all(queues.map((queue) => queue.obliterate({ force: true })))
        await Promise.all(queues.map((queue) => queue.resume()))
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`UPDATE af_side_effect_job SET status = 'discarded', discarded_at = now() WHERE status IN ('queued', 'active')`)
      }
    }, 180_000) // 2,000 runs of the schedule workflow: about 50 s on an idle 2-core machine, 90 s when it is shared
  },
})
