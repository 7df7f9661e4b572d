import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { freePort, prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { RedisInstance } from "../fixtures/redis-instance"
import { reconcileSideEffectsWorkflow } from "../../src/workflows"
import { waitFor } from "../../dev-support/wait-for"

// The plugin's queues on a Redis of their own, which this spec takes down mid-run.
const testEnv = prepareTestEnv("redis-outage")
const queueRedis = new RedisInstance(freePort())
process.env.ASYNC_FULFILMENT_REDIS_URL = queueRedis.url
const started = queueRedis.start()
jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)

    beforeAll(() => started)
    afterAll(() => queueRedis.kill())

    it("checks out while the queue's Redis is down, and the reconciler delivers the order once it is back", async () => {
      const before = await session.placeOrder()
      await session.settled(before.id)

      // The enqueue's command waits for ioredis' next reconnect attempt (up to 2 s apart once an outage is long),
      // so it may give up or, if Redis is back by then, succeed: the test waits for it to give up first.
      const logger = getContainer().resolve("logger")
      const warn = jest.spyOn(logger, "warn")
      const gaveUp = (orderId: string) =>
        warn.mock.calls.some(([message]) => String(message).includes(`could not enqueue the side effects of order ${orderId}`))

      await queueRedis.kill()
      const order = await session.placeOrder({ ...anna, email: "during-outage@example.com" })
      expect(order.id).toMatch(/^order_/)
      await session.statusOf(order.id, "erp", "queued")
      expect((await session.rowsOf(order.id)).map((row) => row.status)).toEqual(["queued", "queued", "queued"])

      // the enqueue gives up after two reconnect attempts; the rows stay for the reconciler
      await waitFor(`the enqueue of ${order.id} to give up`, async () => gaveUp(order.id))
      warn.mockRestore()
      await queueRedis.start()
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(await session.service().describeQueueJob("erp", order.id)).toBeNull()
      const { result } = await reconcileSideEffectsWorkflow(getContainer()).run()
      expect(result).toMatchObject({ ran: true, scheduled_orders: [] })
      expect(result.requeued_jobs).toHaveLength(3)
      await session.settled(order.id)

      expect((await session.rowsOf(order.id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
      expect(session.mailsTo(order.id)).toHaveLength(1)
      expect(session.erp.callsFor(order.id).filter((call) => call.status === 201)).toHaveLength(1)
    })
  },
})
