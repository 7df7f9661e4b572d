import { UnrecoverableError } from "bullmq"
import { ErpRejectedError } from "../errors/erp-rejected-error"
import { ErpRetryableError } from "../errors/erp-retryable-error"
import { MailRejectedError } from "../errors/mail-rejected-error"
import { MailTemporaryError } from "../errors/mail-temporary-error"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import {
  isPermanentFailure,
  queueJobRetryOptions,
  RETRY_AFTER_MAX_MS,
  retryDelayMs,
  retrySettingsOf,
  SIDE_EFFECT_BACKOFF_TYPE,
  sideEffectBackoffStrategy,
  toQueueError,
} from "../retry-policy"

const erp = { attempts: 4, backoffMs: 1_000 }
const asking = (status: number, retryAfterMs: number) => new ErpRetryableError("busy", { status, retryAfterMs })

describe("retryDelayMs", () => {
  it("doubles the delay at every retry", () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, erp))).toEqual([1_000, 2_000, 4_000])
  })

  it("waits what a 429 or 503 asks for when that is longer than the backoff", () => {
    expect(retryDelayMs(1, erp, asking(429, 2_500))).toBe(2_500)
    expect(retryDelayMs(1, erp, asking(503, 3_000))).toBe(3_000)
    expect(retryDelayMs(2, erp, asking(503, 500))).toBe(2_000)
  })

  it("ignores Retry-After on other answers", () => {
    expect(retryDelayMs(1, erp, asking(500, 3_000))).toBe(1_000)
    expect(retryDelayMs(1, erp, new MailTemporaryError("later"))).toBe(1_000)
  })

  it("caps Retry-After at the kind's longest backoff, and at an hour", () => {
    // 4 attempts: the longest backoff is the one before the 4th, 1 s × 2^2
    expect(retryDelayMs(1, erp, asking(429, 86_400_000))).toBe(4_000)
    const slow = { attempts: 20, backoffMs: 60_000 }
    expect(retryDelayMs(1, slow, asking(503, 86_400_000))).toBe(RETRY_AFTER_MAX_MS)
  })
})

describe("the workers' backoff strategy", () => {
  it("computes from the queue job's own options what Postgres records", async () => {
    const job = { opts: queueJobRetryOptions(erp) } as Parameters<typeof retrySettingsOf>[0]
    expect(retrySettingsOf(job)).toEqual(erp)
    expect(await sideEffectBackoffStrategy(1, SIDE_EFFECT_BACKOFF_TYPE, asking(429, 2_500), job)).toBe(2_500)
    expect(await sideEffectBackoffStrategy(3, undefined, new Error("x"), job)).toBe(retryDelayMs(3, erp))
  })
})

describe("permanent failures", () => {
  it.each([
    ["the base class", new PermanentSideEffectError("bad data")],
    ["an ERP rejection", new ErpRejectedError("HTTP 422", { status: 422, bodyExcerpt: "" })],
    ["an SMTP rejection", new MailRejectedError("550", { responseCode: 550 })],
    ["BullMQ's UnrecoverableError", new UnrecoverableError("malformed")],
  ])("skip the remaining retries: %s", (_what, error) => {
    expect(isPermanentFailure(error)).toBe(true)
    expect(toQueueError(error)).toBeInstanceOf(UnrecoverableError)
    expect((toQueueError(error) as Error).message).toBe(error.message)
  })

  it.each([
    ["an ERP 503", asking(503, 0)],
    ["an SMTP 4xx", new MailTemporaryError("421")],
    ["any other error", new Error("socket hang up")],
  ])("are retried: %s", (_what, error) => {
    expect(isPermanentFailure(error)).toBe(false)
    expect(toQueueError(error)).toBe(error)
  })
})
