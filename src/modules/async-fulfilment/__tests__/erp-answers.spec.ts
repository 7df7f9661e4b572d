import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import type { ServerResponse } from "node:http"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { QUEUE_NAMES, sideEffectJobId } from "../queues/names"
import { startErpTestServer, streamFiller, ErpTestServer } from "../erp/__tests__/__fixtures__/erp-test-server"
import { makeOrderDocument } from "./__fixtures__/order-document"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afea-${run}`
const MB = 1024 * 1024

const answers = new Map<string, (res: ServerResponse) => void>()
const streamed: Promise<number>[] = []
let erp: ErpTestServer
// the runner copies the options when this file loads, before the server has a port: filled in beforeAll
const erpOptions = { url: "http://127.0.0.1/not-started-yet", secret: "0123456789abcdef", timeoutMs: 30_000 }

const until = async <T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> => {
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
  erp = await startErpTestServer((req, res) => {
    const answer = answers.get(JSON.parse(req.body).order_id as string)
    answer ? answer(res) : res.writeHead(201, { "content-type": "application/json" }).end('{"id":"ERP-1"}')
  })
  erpOptions.url = erp.url
})

afterAll(async () => {
  await erp.close()
})

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-erp-answers-${run}`,
  moduleOptions: {
    redisUrl,
    queuePrefix,
    erp: erpOptions,
    jobs: { erp: { attempts: 3, backoffMs: 100 } },
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

    const placeErpOnly = async (orderId: string) => {
      await service.recordOrderSideEffects({ document: makeOrderDocument({ order_id: orderId }), event_id: null, kinds: ["erp"] })
      await service.enqueueOrderSideEffects({ order_id: orderId, event_id: null, kinds: ["erp"] })
    }
    const erpJobOnce = (orderId: string, status: string) =>
      until(async () => {
        const [job] = await service.listSideEffectJobs({ order_id: orderId, kind: "erp" })
        return job?.status === status ? job : undefined
      }, `the erp job of ${orderId} to be ${status}`)

    it("fails an ERP answer that streams 200 MB with 'response too large', without buffering it, and the next order completes", async () => {
      answers.set("order_huge", (res) => streamed.push(streamFiller(res, 200, 200 * MB)))
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)

      try {
        await placeErpOnly("order_huge")
        const failed = await erpJobOnce("order_huge", "failed")
        peak = Math.max(peak, process.memoryUsage().rss)

        expect(failed.attempts).toBe(1) // permanent: the same document would get the same answer
        expect(failed.last_error).toContain("ERP response too large")
        expect(failed.last_error).not.toContain("query-secret")
      } finally {
        clearInterval(sampler)
      }
      const growthMb = (peak - baseline) / MB
      expect(growthMb).toBeLessThan(50)
      expect(await streamed[0]).toBeLessThan(50 * MB)

      await placeErpOnly("order_next")
      const completed = await erpJobOnce("order_next", "completed")
      expect(completed.result).toMatchObject({ status: 201, reference: "ERP-1" })
      // measured growth, for the hand-off note
      console.info(`[erp-answers] RSS growth ${growthMb.toFixed(1)} MB, server sent ${((await streamed[0]) / MB).toFixed(1)} MB`)
    })

    it("stores and logs a rejection's body excerpt with e-mail addresses redacted and capped", async () => {
      const body = JSON.stringify({ error: "customer ada.lovelace@example.com exists", contact: "Ada <ada@example.com>", padding: "y".repeat(20_000) })
      answers.set("order_rejected", (res) => res.writeHead(422, { "content-type": "application/json" }).end(body))
      const logged: string[] = []
      const spies = (["warn", "error", "info", "log"] as const).map((level) =>
        jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")))
      )

      try {
        await placeErpOnly("order_rejected")
        const failed = await erpJobOnce("order_rejected", "failed")
        const queueJob = await erpQueue.getJob(sideEffectJobId("erp", "order_rejected"))
        const stored = {
          last_error: failed.last_error ?? "",
          error_history: JSON.stringify(failed.error_history),
          failed_reason: queueJob?.failedReason ?? "",
          log: logged.filter((line) => line.includes("order_rejected")).join("\n"),
        }

        expect(stored.last_error).toContain("HTTP 422")
        expect(stored.failed_reason).toContain("HTTP 422")
        expect(stored.log).toContain("HTTP 422")
        for (const [where, text] of Object.entries(stored)) {
          expect([where, text.includes("example.com")]).toEqual([where, false])
          expect([where, text.includes("[address]")]).toEqual([where, true])
        }
        expect(stored.last_error.length).toBeLessThanOrEqual(1_000)
        expect(stored.failed_reason.length).toBeLessThanOrEqual(1_000)
        expect(Buffer.byteLength(stored.last_error)).toBeLessThanOrEqual(2_048)
      } finally {
        spies.forEach((spy) => spy.mockRestore())
      }
    })
  },
})
