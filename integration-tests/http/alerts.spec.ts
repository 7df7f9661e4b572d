import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { prepareTestEnv, freePort } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { waitFor } from "../../dev-support/wait-for"
import { Modules } from "@medusajs/framework/utils"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { completeCart, prepareCart, preparePayment } from "../../store-client"
import { AlertWebhook } from "../../dev-support/alert-webhook"
import { QUEUE_NAMES } from "../../src/modules/async-fulfilment/queues/names"
import { ALERT_QUEUE_NAME } from "../../src/modules/async-fulfilment/alerts/side-effect-alerts"

const testEnv = prepareTestEnv("alerts")
const webhookPort = freePort()
const OPS = "ops@store.test"
// a burst within 15 s is one alert; then at most one per kind per 20 s; a kind waiting over 10 s alerts
process.env.ASYNC_FULFILMENT_ALERTS = JSON.stringify({
  webhookUrl: `http://127.0.0.1:${webhookPort}/alerts`,
  mailTo: OPS,
  groupWaitSeconds: 15,
  minIntervalSeconds: 20,
  oldestWaitingSeconds: 10,
})
jest.setTimeout(150_000)
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const webhook = new AlertWebhook()
    const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null })
    const mailQueue = new Queue(QUEUE_NAMES.mail, { connection: redis, prefix: testEnv.queuePrefix })
    const alertQueue = new Queue(ALERT_QUEUE_NAME, { connection: redis, prefix: testEnv.queuePrefix })
    const alertMails = () => session.smtp.received.filter((mail) => mail.envelopeTo.includes(OPS))
    const shopper = (n: number) => ({ ...anna, email: `alerted-${n}@example.com` })

    beforeAll(() => webhook.listen(webhookPort))
    afterAll(async () => {
      await webhook.close()
      await Promise.all([mailQueue.close(), alertQueue.close()])
      redis.disconnect()
    })

    it("sends one alert, webhook and mail, for three orders whose ERP sync failed for good within a minute", async () => {
      session.erp.respondWith(() => ({ status: 422, body: { error: "unknown tax code" } }))
      // three carts made ready, then completed together: three orders within seconds
      const carts: string[] = []
      for (const n of [1, 2, 3]) {
        const cartId = await prepareCart(session.request, session.store, shopper(n))
        await preparePayment(session.request, cartId)
        carts.push(cartId)
      }
      const orders = await Promise.all(carts.map((cartId) => completeCart(session.request, cartId)))
      for (const order of orders) {
        await session.statusOf(order.id, "erp", "failed")
      }
      const [post] = await waitFor("the webhook's alert", async () => (webhook.posts.length ? webhook.posts : null), { timeoutMs: 40_000 })
      expect(post.alert).toMatchObject({ kind: "erp", failed: 3, waiting_checks: 0, source: "medusa-plugin-async-fulfilment" })
      expect([...post.alert.order_ids].sort()).toEqual(orders.map((order) => order.id).sort())
      expect(post.alert.last_error).toContain("HTTP 422")
      expect(post.text).toMatch(/^:rotating_light: async-fulfilment: 3 erp jobs failed for good/)
      // ids only: no shopper's address or name
      expect(JSON.stringify(post)).not.toMatch(/alerted-|anna|nowak/i)
      const [mail] = await waitFor("the alert mail", async () => (alertMails().length ? alertMails() : null))
      expect(mail.parsed.subject).toBe("async-fulfilment: 3 erp jobs failed for good")
      expect(mail.parsed.text).toContain(orders[0].id)
      // and the Admin's notification feed (Medusa's default `feed` channel), as the admin's bell lists it
      const admin = await createAdminAuthHeaders(getContainer())
      const feedEntry = await waitFor("the alert in the admin's notification feed", async () => {
        const { data } = await api.get(`/admin/notifications?channel=feed&fields=id,channel,data`, admin)
        return data.notifications.find((entry: { data?: { title?: string } }) => entry.data?.title === mail.parsed.subject)
      })
      expect(feedEntry).toMatchObject({ channel: "feed", data: { title: "async-fulfilment: 3 erp jobs failed for good" } })
      expect(feedEntry.data.description).toContain(orders[0].id)
      // nothing else arrives: the burst was one alert
      await sleep(3_000)
      expect(webhook.posts).toHaveLength(1)
      expect(alertMails()).toHaveLength(1)
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.filter((entry) => (entry.data as { title?: string } | null)?.title === mail.parsed.subject)).toHaveLength(1)
    })

    it("retries an alert while the webhook is down and delivers it once when it is back (the mail only once)", async () => {
      const postsBefore = webhook.posts.length
      const mailsBefore = alertMails().length
      await webhook.close()
      session.erp.respondWith(() => ({ status: 422, body: { error: "unknown tax code" } }))
      const order = await session.placeOrder(shopper(4))
      await session.statusOf(order.id, "erp", "failed")
      // the mail goes out on the first attempt; the webhook's refusal makes the job retry
      await waitFor("the alert mail", async () => alertMails().length > mailsBefore, { timeoutMs: 60_000 })
      const retried = await waitFor(
        "a retried alert job",
        async () => (await alertQueue.getJobs(["delayed", "wait", "active"])).find((job) => job.name === "send-alert" && job.attemptsMade >= 1),
        { timeoutMs: 30_000 }
      )
      expect(retried.failedReason).toMatch(/alert webhook unreachable/)
      await webhook.listen(webhookPort)
      await waitFor("the alert after the webhook came back", async () => webhook.posts.length > postsBefore, { timeoutMs: 60_000 })
      const post = webhook.posts[postsBefore]
      expect(post.alert).toMatchObject({ kind: "erp", failed: 1, order_ids: [order.id] })
      await sleep(3_000)
      expect(webhook.posts).toHaveLength(postsBefore + 1)
      expect(alertMails()).toHaveLength(mailsBefore + 1)
    })

    it("alerts once when the oldest waiting job of a kind is older than the threshold (its workers paused)", async () => {
      const postsBefore = webhook.posts.length
      await mailQueue.pause()
      try {
        const order = await session.placeOrder(shopper(5))
        await session.statusOf(order.id, "invoice", "completed")
        const post = await waitFor(
          "the waiting alert",
          async () => webhook.posts.slice(postsBefore).find((p) => p.alert.kind === "mail"),
          { timeoutMs: 60_000 }
        )
        expect(post.alert).toMatchObject({ kind: "mail", failed: 0, waiting: 1 })
        expect(post.alert.waiting_checks).toBeGreaterThanOrEqual(1)
        expect(post.alert.oldest_waiting_seconds).toBeGreaterThan(10)
        expect(post.text).toContain("the oldest waiting mail job has waited")
      } finally {
        await mailQueue.resume()
      }
      expect(webhook.posts.slice(postsBefore).filter((p) => p.alert.kind === "mail")).toHaveLength(1)
    })
  },
})
