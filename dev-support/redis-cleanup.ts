import IORedis from "ioredis"

/** Deletes every key under the given prefixes (a test run's queues), by SCAN, not KEYS. */
export async function deleteRedisKeys(redisUrl: string, prefixes: string[]): Promise<number> {
  const redis = new IORedis(redisUrl)
  let deleted = 0
  try {
    for (const prefix of prefixes) {
      let cursor = "0"
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500)
        cursor = next
        if (keys.length) {
          deleted += await redis.del(...keys)
        }
      } while (cursor !== "0")
    }
  } finally {
    redis.disconnect()
  }
  return deleted
}
