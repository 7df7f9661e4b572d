import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { QUEUE_NAMES, sideEffectJobId } from "../queues/names"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"
import type { SideEffectKind } from "../types/side-effect"

jest.setTimeout(90_000)

// The reconciler's sweep against real Postgres and Redis: what it walks past, what it re-adds, how it holds its lease.
const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afr-${run}`
const FAR_AWAY_MS = 3_600_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-reconcile-${run}`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.com" },
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { seller: TEST_SELLER },
    reconcile: { graceSeconds: 1, batchSize: 200 },
  },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null })
    const queues = Object.fromEntries(
      Object.entries(QUEUE_NAMES).map(([kind, name]) => [kind, new Queue(name, { connection: redis, prefix: queuePrefix })])
    ) as Record<SideEffectKind, Queue>
    const sql = (query: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(query, params)

    /** `count` ERP rows of orders `<prefix>_<n>`, unchanged for `ageSeconds`, each with a queue job delayed an hour (an ERP outage's backoff). */
    const delayedErpRows = async (prefix: string, count: number, ageSeconds: number) => {
      await sql(
        `INSERT INTO af_side_effect_job (id, order_id, kind, status, bullmq_job_id, max_attempts, created_at, updated_at)
         SELECT 'afjob_' || ? || g, ? || '_' || g, 'erp', 'queued', 'erp-' || ? || '_' || g, 10,
                now() - make_interval(secs => ?), now() - make_interval(secs => ?) + g * interval '1 millisecond'
         FROM generate_series(1, ?) AS g`,
        [prefix, prefix, prefix, ageSeconds, ageSeconds, count]
      )
      const ids = Array.from({ length: count }, (_, i) => `${prefix}_${i + 1}`)
      for (let i = 0; i < ids.length; i += 500) {
        await queues.erp.addBulk(
          ids.slice(i, i + 500).map((orderId) => ({
            name: "erp",
            data: { schema_version: 1, kind: "erp", order_id: orderId, correlation_id: orderId, event_id: null },
            opts: { jobId: sideEffectJobId("erp", orderId), delay: FAR_AWAY_MS },
          }))
        )
      }
    }

    afterAll(async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()))
      const keys = await redis.keys(`${queuePrefix}:*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      redis.disconnect()
    })

    it("requeues a lost job behind 300 rows whose queue jobs are delayed, in one sweep", async () => {
      await delayedErpRows("order_outage", 300, 600)
      // the lost one changed last: on an updated_at page of 200 it comes after every delayed row
      await sql(
        `INSERT INTO af_side_effect_job (id, order_id, kind, status, bullmq_job_id, max_attempts, updated_at)
         VALUES ('afjob_lost', 'order_lost', 'erp', 'queued', 'erp-order_lost', 10, now() - interval '5 minutes')`
      )

      const { requeued, failed } = await service.reconcileStuckSideEffects()

      expect(requeued.map((row) => row.order_id)).toEqual(["order_lost"])
      expect(failed).toEqual([])
      expect(await queues.erp.getJobState("erp-order_lost")).not.toBe("unknown")
      expect(await queues.erp.getJobCounts("delayed")).toMatchObject({ delayed: expect.any(Number) })
      const [{ untouched }] = await sql(
        `SELECT count(*)::int AS untouched FROM af_side_effect_job WHERE order_id LIKE 'order_outage_%' AND updated_at < now() - interval '1 minute'`
      )
      expect(untouched).toBe(300)
    })

    it("re-adds a lost invoice under its surviving mail, as one flow", async () => {
      const orderId = "order_pair"
      await queues.invoice.pause() // so no worker takes the invoice before Redis "loses" it
      try {
        await sql(
          `INSERT INTO af_side_effect_job (id, order_id, kind, status, bullmq_job_id, max_attempts, updated_at)
           VALUES ('afjob_pair_i', ?, 'invoice', 'queued', ?, 5, now() - interval '5 minutes'),
                  ('afjob_pair_m', ?, 'mail', 'queued', ?, 8, now() - interval '5 minutes')`,
          [orderId, sideEffectJobId("invoice", orderId), orderId, sideEffectJobId("mail", orderId)]
        )
        await service.enqueueOrderSideEffects({ order_id: orderId, event_id: null, kinds: ["invoice", "mail"] })
        const invoiceKey = `${queuePrefix}:${QUEUE_NAMES.invoice}:${sideEffectJobId("invoice", orderId)}`
        const mailKey = `${queuePrefix}:${QUEUE_NAMES.mail}:${sideEffectJobId("mail", orderId)}`
        // only the invoice job's keys go: its hash and its place in the wait list
        await redis.del(invoiceKey)
        await redis.lrem(`${queuePrefix}:${QUEUE_NAMES.invoice}:wait`, 0, sideEffectJobId("invoice", orderId))
        await redis.lrem(`${queuePrefix}:${QUEUE_NAMES.invoice}:paused`, 0, sideEffectJobId("invoice", orderId))
        expect(await queues.mail.getJobState(sideEffectJobId("mail", orderId))).toBe("waiting-children")

        const { requeued } = await service.reconcileStuckSideEffects()

        expect(requeued.map((row) => row.kind).sort()).toEqual(["invoice", "mail"])
        const invoice = await queues.invoice.getJob(sideEffectJobId("invoice", orderId))
        expect(invoice?.parentKey).toBe(mailKey)
        const mail = await queues.mail.getJob(sideEffectJobId("mail", orderId))
        expect(await mail!.getState()).toBe("waiting-children")
        expect(await mail!.getDependenciesCount()).toMatchObject({ unprocessed: 1 })
        const rows = await service.listSideEffectJobs({ order_id: orderId })
        expect(rows.map((row) => row.status)).toEqual(["queued", "queued"])
      } finally {
        await queues.mail.remove(sideEffectJobId("mail", orderId), { removeChildren: true })
        await queues.invoice.resume()
      }
    })

    it("renews its lease batch by batch through a sweep longer than the lease; no second reconciler gets in", async () => {
      // 3,000 rows whose queue jobs are alive: fifteen pages of 200, each checked against BullMQ
      await delayedErpRows("order_long", 2_700, 600)
      const timed = async () => {
        const started = Date.now()
        await service.reconcileStuckSideEffects()
        return Date.now() - started
      }
      await timed() // warm-up
      const sweepMs = await timed()
      // a lease of a third of the sweep (five pages): without renewal it expires two thirds before the end
      const ttlMs = Math.max(150, Math.floor(sweepMs / 3))
      console.info(`lease renewal: a 3,000-row sweep takes ${sweepMs} ms, lease ${ttlMs} ms`)

      for (let round = 0; round < 5; round++) {
        const token = await service.acquireReconcileLock(ttlMs)
        expect(token).not.toBeNull()
        let sweeping = true
        let sweptMs = 0
        let secondGotIn = 0
        const contender = (async () => {
          while (sweeping) {
            const other = await service.acquireReconcileLock(ttlMs)
            if (other) {
              secondGotIn++
              await service.releaseReconcileLock(other)
            }
            await sleep(10)
          }
        })()
        const started = Date.now()
        await service.reconcileStuckSideEffects({ lease: { token: token!, ttl_ms: ttlMs } })
        sweptMs = Date.now() - started
        sweeping = false
        await contender

        expect(sweptMs).toBeGreaterThan(ttlMs) // the premise: the sweep outlived the lease it started with
        expect(secondGotIn).toBe(0)
        expect(await service.renewReconcileLock(token!, ttlMs)).toBe(true) // still the holder at the end
        await service.releaseReconcileLock(token!)
        expect(await service.renewReconcileLock(token!, ttlMs)).toBe(false)
      }
    })

    it("stops sweeping once its lease is lost", async () => {
      await sql(
        `INSERT INTO af_side_effect_job (id, order_id, kind, status, bullmq_job_id, max_attempts, updated_at)
         VALUES ('afjob_unswept', 'order_unswept', 'erp', 'queued', 'erp-order_unswept', 10, now() - interval '5 minutes')`
      )
      const token = await service.acquireReconcileLock(60_000)
      expect(await redis.get(`${queuePrefix}:reconcile-lock`)).toBe(token)
      await redis.set(`${queuePrefix}:reconcile-lock`, "another-instance", "PX", 60_000) // another instance took over
      const started = Date.now()
      const outcome = await service.reconcileStuckSideEffects({ lease: { token: token!, ttl_ms: 60_000 } })
      // the lost row is left to whoever holds the lease now
      expect(outcome).toEqual({ requeued: [], failed: [] })
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(await queues.erp.getJobState("erp-order_unswept")).toBe("unknown")
      expect(await service.renewReconcileLock(token!, 1_000)).toBe(false)
    })
  },
})
