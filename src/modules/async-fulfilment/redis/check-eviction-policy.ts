import type { RedisClient } from "./connections"

/**
 * BullMQ keeps jobs as ordinary keys: a Redis that may evict keys under memory pressure can
 * silently drop queued side effects. Returns a warning to log, or null when the policy is safe
 * or cannot be read (managed Redis services often forbid CONFIG).
 */
export async function describeEvictionRisk(redis: RedisClient): Promise<string | null> {
  let policy: string | undefined
  try {
    const reply = (await redis.config("GET", "maxmemory-policy")) as string[]
    policy = reply?.[1]
  } catch {
    return null
  }
  if (!policy || policy === "noeviction") {
    return null
  }
  return (
    `[async-fulfilment] Redis maxmemory-policy is "${policy}": under memory pressure Redis may evict ` +
    `queued jobs. Set maxmemory-policy noeviction on the Redis behind option \`redisUrl\` ` +
    `(the reconciler re-drives lost jobs, but only after its grace period).`
  )
}
