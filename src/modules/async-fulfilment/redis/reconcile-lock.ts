import { randomUUID } from "crypto"
import type { RedisClient } from "./connections"

const RELEASE_IF_OWNED = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`
const RENEW_IF_OWNED = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`

/**
 * A lease in Redis so that one store instance reconciles at a time. It expires by itself if
 * its holder dies; only the holder's token renews it (a long sweep, batch by batch) or releases it early.
 */
export class ReconcileLock {
  constructor(
    protected readonly redis_: RedisClient,
    protected readonly key_: string
  ) {}

  async acquire(ttlMs: number): Promise<string | null> {
    const token = randomUUID()
    const acquired = await this.redis_.set(this.key_, token, "PX", ttlMs, "NX")
    return acquired === "OK" ? token : null
  }

  /** Extends the lease by `ttlMs` from now; false when it expired or another instance holds it now. */
  async renew(token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis_.eval(RENEW_IF_OWNED, 1, this.key_, token, String(ttlMs))) === 1
  }

  async release(token: string): Promise<void> {
    await this.redis_.eval(RELEASE_IF_OWNED, 1, this.key_, token)
  }
}
