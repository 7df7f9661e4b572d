import IORedis, { Redis, RedisOptions } from "ioredis"

export interface RedisConnections {
  /** queues and the flow producer: fails fast so a Redis outage surfaces to the caller */
  producer: Redis
  /** workers: BullMQ needs `maxRetriesPerRequest: null` for its blocking commands */
  worker: Redis
}

/** `redis://user:secret@host` → `redis://user:***@host`, for messages and logs. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, "$1***@")
}

export function openRedisConnections(redisUrl: string, redisOptions: RedisOptions = {}): RedisConnections {
  // The URL goes first: ioredis ignores `{ url }` inside an options object.
  return {
    producer: new IORedis(redisUrl, { ...redisOptions, maxRetriesPerRequest: 2, lazyConnect: true }),
    worker: new IORedis(redisUrl, { ...redisOptions, maxRetriesPerRequest: null, lazyConnect: true }),
  }
}

export async function closeRedisConnections(connections: RedisConnections): Promise<void> {
  await Promise.allSettled(
    [connections.producer, connections.worker].map((connection) =>
      connection.status === "end" ? undefined : connection.quit().catch(() => connection.disconnect())
    )
  )
}

/** Connects both clients or throws naming the (redacted) URL, within `timeoutMs`. */
export async function connectOrExplain(
  connections: RedisConnections,
  redisUrl: string,
  timeoutMs = 5_000
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([
      Promise.all([connections.producer.connect(), connections.worker.connect()]),
      timeout,
    ])
  } catch (error) {
    connections.producer.disconnect()
    connections.worker.disconnect()
    throw new Error(
      `medusa-plugin-async-fulfilment: cannot reach Redis at ${redactRedisUrl(redisUrl)} (option \`redisUrl\`): ${(error as Error).message}`
    )
  } finally {
    clearTimeout(timer)
  }
}
