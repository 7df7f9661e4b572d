import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { QUEUE_NAMES, sideEffectJobId } from "../queues/names"
import { startErpTestServer, ErpTestServer, ReceivedRequest } from "../erp/__tests__/__fixtures__/erp-test-server"
import { makeOrderDocument } from "./__fixtures__/order-document"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afra-${run}`
// A short backoff, so that only Retry-After can explain a 2 s wait; the kind's longest backoff,
// before its 10th attempt, is 100 ms × 2^8 = 25.6 s: the cap of a huge Retry-After.
const ERP_BACKOFF_MS = 100
const LONGEST_BACKOFF_MS = ERP_BACKOFF_MS * 2 ** 8

const arrivals: { order_id: string; at: number }[] = []
const answers = new Map<string, ((res: import("node:http").ServerResponse) => void)[]>()
let erp: ErpTestServer
// the runner copies the options when this file loads, before the server has a port: filled in beforeAll
const erpOptions = { url: "http://127.0.0.1/not-started-yet", secret: "0123456789abcdef" }

const until = async <T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

beforeAll(async () => {
  erp = await startErpTestServer((req: ReceivedRequest, res) => {
    const orderId = JSON.parse(req.body).order_id as string
    arrivals.push({ order_id: orderId, at: Date.now() })
    const next = answers.get(orderId)?.shift()
    next ? next(res) : res.writeHead(200, { "content-type": "application/json" }).end('{"id":"ERP-1"}')
  })
  erpOptions.url = erp.url
})

afterAll(async () => {
  await erp.close()
})

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-${run}-retry-after`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    erp: erpOptions,
    jobs: { erp: { attempts: 10, backoffMs: ERP_BACKOFF_MS } },
    invoice: { seller: TEST_SELLER },
  },
  testSuite: ({ service }) => {
    const redis = new IORedis(redisUrl)
    const erpQueue = new Queue(QUEUE_NAMES.erp, { connection: redis, prefix: queuePrefix })

    afterAll(async () => {
      await erpQueue.close()
      const leftovers = await redis.keys(`${queuePrefix}:*`)
      await Promise.all(leftovers.map((key) => redis.unlink(key)))
      redis.disconnect()
    })

    const erpJobOf = async (orderId: string) => (await service.listSideEffectJobs({ order_id: orderId, kind: "erp" }))[0]

    /**
     * Places an order whose first ERP call gets `firstAnswer`, and waits for that attempt's failure:
     * returns when BullMQ runs the retry (the delayed set's score holds that time), the queue job's
     * delay and the side-effect job's next_retry_at.
     */
    const firstRetryOf = async (orderId: string, firstAnswer: (res: import("node:http").ServerResponse) => void) => {
      answers.set(orderId, [firstAnswer])
      await service.recordOrderSideEffects({ document: makeOrderDocument({ order_id: orderId }), event_id: null, kinds: ["erp"] })
      await service.enqueueOrderSideEffects({ order_id: orderId, event_id: null, kinds: ["erp"] })
      const jobId = sideEffectJobId("erp", orderId)
      const runsAt = await until(async () => {
        const score = await redis.zscore(`${queuePrefix}:${QUEUE_NAMES.erp}:delayed`, jobId)
        return score === null ? undefined : Math.floor(Number(score) / 0x1000)
      }, "the delayed retry")
      const nextRetryAt = await until(async () => {
        const job = await erpJobOf(orderId)
        return job.status === "queued" && job.next_retry_at ? new Date(job.next_retry_at).getTime() : undefined
      }, "the failed attempt in Postgres")
      const queueJob = (await erpQueue.getJob(jobId))!
      return { runsAt, nextRetryAt, queueJob }
    }

    it("waits the ERP's Retry-After (2 s) before the next attempt, and next_retry_at says when", async () => {
      const retry = await firstRetryOf("order_ra", (res) => res.writeHead(429, { "retry-after": "2" }).end())
      expect(retry.queueJob.delay).toBe(2_000)
      expect(Math.abs(retry.nextRetryAt - retry.runsAt)).toBeLessThan(500)

      const done = await until(async () => {
        const job = await erpJobOf("order_ra")
        return job.status === "completed" ? job : undefined
      }, "the second attempt")
      const [first, second] = arrivals.filter((arrival) => arrival.order_id === "order_ra")
      expect(second.at - first.at).toBeGreaterThanOrEqual(2_000)
      expect(done).toMatchObject({ attempts: 2, result: { status: 200, reference: "ERP-1" } })
    })

    it("caps a huge Retry-After at the kind's longest backoff", async () => {
      const retry = await firstRetryOf("order_huge", (res) => res.writeHead(503, { "retry-after": "86400" }).end())
      expect(retry.queueJob.delay).toBe(LONGEST_BACKOFF_MS)
      expect(Math.abs(retry.nextRetryAt - retry.runsAt)).toBeLessThan(500)
      expect(retry.runsAt - Date.now()).toBeLessThanOrEqual(LONGEST_BACKOFF_MS)
      await retry.queueJob.remove()
    })
  },
})
