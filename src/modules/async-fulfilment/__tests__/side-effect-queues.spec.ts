import { Queue } from "bullmq"
import IORedis from "ioredis"
import { parseAsyncFulfilmentOptions } from "../options"
import { QUEUE_NAMES } from "../queues/names"
import { SideEffectQueues } from "../queues/side-effect-queues"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"

// The producer alone, on real Redis and with no worker anywhere on its prefix.
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const queuePrefix = `afq-${process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`}`
const options = parseAsyncFulfilmentOptions({
  redisUrl,
  queuePrefix,
  smtp: { host: "127.0.0.1", port: 2525, from: "shop@example.com" },
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
})

describe("SideEffectQueues", () => {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: 2 })
  const producer = new SideEffectQueues(connection, options)
  const queue = (kind: keyof typeof QUEUE_NAMES) => producer.queue(kind)
  const all = ["invoice", "mail", "erp"] as ("invoice" | "mail" | "erp")[]

  afterAll(async () => {
    await producer.close()
    const keys = await connection.keys(`${queuePrefix}:*`)
    if (keys.length) {
      await connection.del(...keys)
    }
    connection.disconnect()
  })

  it("adds the mail as parent of its invoice and the ERP sync beside them, once", async () => {
    await producer.enqueue({ order_id: "order_a", event_id: "e1", kinds: all })
    await producer.enqueue({ order_id: "order_a", event_id: "e2", kinds: all })

    expect(await queue("invoice").getJobCounts("wait")).toEqual({ wait: 1 })
    // the ERP job reads the issued invoice: it waits delayed until the invoice job wakes it
    expect(await queue("erp").getJobCounts("delayed")).toEqual({ delayed: 1 })
    expect(await queue("mail").getJobCounts("waiting-children")).toEqual({ "waiting-children": 1 })

    const invoice = await queue("invoice").getJob("invoice-order_a")
    expect(invoice!.parentKey).toBe(`${queuePrefix}:${QUEUE_NAMES.mail}:mail-order_a`)
    expect(invoice!.opts).toMatchObject({ failParentOnFailure: true, attempts: 5 })
    expect(invoice!.data).toMatchObject({ event_id: "e1" })
    const mail = await queue("mail").getJob("mail-order_a")
    expect(await mail!.getDependenciesCount()).toMatchObject({ unprocessed: 1 })
  })

  it("takes an order's jobs out again (the workflow's compensation)", async () => {
    await producer.enqueue({ order_id: "order_b", event_id: null, kinds: all })
    await producer.remove("order_b", all)
    const left = await Promise.all(all.map((kind) => queue(kind).getJob(`${kind}-order_b`)))
    expect(left).toEqual([undefined, undefined, undefined])
  })

  it("wakes a delayed reader once, and says when there was nothing to wake", async () => {
    await producer.enqueue({ order_id: "order_w", event_id: null, kinds: all })
    expect(await queue("erp").getJobState("erp-order_w")).toBe("delayed")

    expect(await producer.promoteIfDelayed("erp", "erp-order_w")).toBe(true)
    expect(await queue("erp").getJobState("erp-order_w")).toBe("waiting")
    // not delayed any more, or no such job: nothing happens, and the caller hears so
    expect(await producer.promoteIfDelayed("erp", "erp-order_w")).toBe(false)
    expect(await producer.promoteIfDelayed("erp", "erp-order_none")).toBe(false)
    expect(await queue("erp").getJobState("erp-order_w")).toBe("waiting")
    await producer.remove("order_w", all)
  })

  it("closes once, however often it is asked", async () => {
    const extra = new SideEffectQueues(connection, options)
    await Promise.all([extra.close(), extra.close()])
    await expect(extra.close()).resolves.toBeUndefined()
    // the shared connection is still usable by others
    const reader = new Queue(QUEUE_NAMES.erp, { connection, prefix: queuePrefix })
    expect(await reader.getJobCounts("delayed")).toEqual({ delayed: 1 })
    await reader.close()
  })
})
