import IORedis from "ioredis"
import { AlertFolds } from "../alert-folds"
import { alertHeadline, alertText, alertWebhookBody } from "../render-alert"
import { deleteRedisKeys } from "../../../../../dev-support/redis-cleanup"

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const prefix = `af-alert-folds-${process.pid}-${Date.now().toString(36)}`
const failed = (order_id: string) => ({ reason: "failed" as const, order_id, message: "ERP rejected the order document: HTTP 422" })

describe("alert folds (Redis)", () => {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 2 })
  const folds = new AlertFolds(redis, prefix, { groupWaitMs: 30_000, minIntervalMs: 600_000 })

  afterAll(async () => {
    redis.disconnect()
    await deleteRedisKeys(redisUrl, [`${prefix}:`])
  })

  it("opens one batch per kind (its group wait), counts the rest in, and hands it over whole", async () => {
    const t0 = Date.parse("2026-12-02T06:00:00Z")
    expect(await folds.record("erp", failed("order_1"), t0)).toBe(30_000)
    expect(await folds.record("erp", failed("order_2"), t0 + 1_000)).toBeNull()
    expect(await folds.record("erp", failed("order_3"), t0 + 2_000)).toBeNull()
    // another kind has a batch of its own
    expect(await folds.record("mail", { reason: "waiting", oldest_waiting_seconds: 700, waiting: 4 }, t0 + 2_000)).toBe(30_000)

    const batch = await folds.take("erp", t0 + 30_000)
    expect(batch).toEqual({
      kind: "erp",
      failed: 3,
      order_ids: ["order_3", "order_2", "order_1"],
      last_error: "ERP rejected the order document: HTTP 422",
      waiting_checks: 0,
      oldest_waiting_seconds: null,
      waiting: null,
      first_at: "2026-12-02T06:00:00.000Z",
      last_at: "2026-12-02T06:00:02.000Z",
    })
    expect(await folds.take("erp", t0 + 30_000)).toBeNull()

    // the next failure waits out the interval since that alert
    expect(await folds.record("erp", failed("order_4"), t0 + 40_000)).toBe(600_000 - 10_000)
    const mail = await folds.take("mail", t0 + 40_000)
    expect(mail).toMatchObject({ kind: "mail", failed: 0, waiting_checks: 1, oldest_waiting_seconds: 700, waiting: 4 })
  })

  it("renders a Slack-compatible text and the structured fields, ids only", () => {
    const batch = {
      kind: "erp" as const,
      failed: 12,
      order_ids: ["order_1", "order_2"],
      last_error: "ERP answered HTTP 503",
      waiting_checks: 2,
      oldest_waiting_seconds: 901,
      waiting: 40,
      first_at: "2026-12-02T06:00:00.000Z",
      last_at: "2026-12-02T06:09:00.000Z",
    }
    expect(alertHeadline(batch)).toBe(
      "async-fulfilment: 12 erp jobs failed for good; the oldest waiting erp job has waited 901 s (40 waiting)"
    )
    expect(alertText(batch)).toContain("orders: order_1, order_2 and 10 more")
    expect(alertWebhookBody(batch)).toEqual({ text: alertText(batch), alert: { source: "medusa-plugin-async-fulfilment", ...batch } })
  })
})
