import type { RedisClient } from "../redis/connections"
import type { SideEffectKind } from "../types/side-effect"
import { type AlertBatch, type AlertSignal, ERROR_EXCERPT_CHARS, ORDER_IDS_KEPT } from "./alert-batch"

/**
 * The Redis side of "at most one alert per kind per interval": signals are counted into the kind's
 * open batch; the first one of a batch schedules its alert job (SET NX), and the alert job takes
 * the batch whole when it runs (one MULTI), so whatever arrives later opens the next batch.
 * The keys share the queue prefix, and with it a Redis Cluster hash slot.
 */
export class AlertFolds {
  constructor(
    protected readonly redis_: RedisClient,
    protected readonly prefix_: string,
    protected readonly timing_: { groupWaitMs: number; minIntervalMs: number }
  ) {}

  protected key(kind: SideEffectKind, what: "batch" | "orders" | "scheduled" | "last-sent"): string {
    return `${this.prefix_}:alerts:${kind}:${what}`
  }

  /**
   * Counts the signal in. When it opened a batch, returns how long that batch's alert job is to
   * wait (its group wait, and what is left of the interval since the last alert); else null.
   */
  async record(kind: SideEffectKind, signal: AlertSignal, now = Date.now()): Promise<number | null> {
    const batch = this.key(kind, "batch")
    const multi = this.redis_.multi().hsetnx(batch, "first_at", String(now)).hset(batch, "last_at", String(now))
    if (signal.reason === "failed") {
      multi
        .hincrby(batch, "failed", 1)
        .hset(batch, "last_error", signal.message.slice(0, ERROR_EXCERPT_CHARS))
        .lpush(this.key(kind, "orders"), signal.order_id)
        .ltrim(this.key(kind, "orders"), 0, ORDER_IDS_KEPT - 1)
    } else {
      multi
        .hincrby(batch, "waiting_checks", 1)
        .hset(batch, "oldest_waiting_seconds", String(signal.oldest_waiting_seconds), "waiting", String(signal.waiting))
    }
    await multi.exec()
    const lastSent = Number((await this.redis_.get(this.key(kind, "last-sent"))) ?? 0)
    const delayMs = Math.max(this.timing_.groupWaitMs, lastSent + this.timing_.minIntervalMs - now)
    // one signal per batch schedules it; should its alert job be lost, the mark expires an hour after it was due
    const opened = await this.redis_.set(this.key(kind, "scheduled"), "1", "PX", delayMs + 3_600_000, "NX")
    return opened === "OK" ? delayMs : null
  }

  /** Takes the open batch (null when empty) and starts the kind's interval. */
  async take(kind: SideEffectKind, now = Date.now()): Promise<AlertBatch | null> {
    const batchKey = this.key(kind, "batch")
    const ordersKey = this.key(kind, "orders")
    const results = await this.redis_
      .multi()
      .hgetall(batchKey)
      .lrange(ordersKey, 0, -1)
      .del(batchKey, ordersKey, this.key(kind, "scheduled"))
      .set(this.key(kind, "last-sent"), String(now), "PX", 30 * 86_400_000)
      .exec()
    const fields = (results?.[0]?.[1] ?? {}) as Record<string, string>
    const orderIds = (results?.[1]?.[1] ?? []) as string[]
    if (!fields.first_at) {
      return null
    }
    const numberOr = (value: string | undefined, fallback: number | null) => (value === undefined ? fallback : Number(value))
    return {
      kind,
      failed: Number(fields.failed ?? 0),
      order_ids: orderIds,
      last_error: fields.last_error ?? null,
      waiting_checks: Number(fields.waiting_checks ?? 0),
      oldest_waiting_seconds: numberOr(fields.oldest_waiting_seconds, null),
      waiting: numberOr(fields.waiting, null),
      first_at: new Date(Number(fields.first_at)).toISOString(),
      last_at: new Date(Number(fields.last_at ?? fields.first_at)).toISOString(),
    }
  }
}
