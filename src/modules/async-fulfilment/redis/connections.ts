import IORedis, { Cluster, Redis, RedisOptions } from "ioredis"
import { redactRedisUrl } from "./redact-redis-url"

/** A single Redis (or Sentinel group) or a Redis Cluster: BullMQ works on either. */
export type RedisClient = Redis | Cluster

export interface RedisConnections {
  /** queues and the flow producer: fails fast so a Redis outage surfaces to the caller */
  producer: RedisClient
  /** workers: BullMQ needs `maxRetriesPerRequest: null` for its blocking commands */
  worker: RedisClient
}

export { redactRedisUrl } from "./redact-redis-url"

export interface ClusterNode {
  host: string
  port: number
}

export function openRedisConnections(
  redisUrl: string,
  redisOptions: RedisOptions = {},
  clusterNodes?: ClusterNode[]
): RedisConnections {
  if (clusterNodes?.length) {
    const cluster = (maxRetriesPerRequest: number | null) =>
      new IORedis.Cluster(clusterNodes, { lazyConnect: true, redisOptions: { ...redisOptions, maxRetriesPerRequest } })
    return { producer: cluster(2), worker: cluster(null) }
  }
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

/** Connects both clients or throws naming the (redacted) URL or the cluster nodes, within `timeoutMs`. */
export async function connectOrExplain(
  connections: RedisConnections,
  redisUrl: string,
  timeoutMs = 5_000,
  option = "redisUrl"
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
      `medusa-plugin-async-fulfilment: cannot reach Redis at ${redactRedisUrl(redisUrl)} (option \`${option}\`): ${(error as Error).message}`
    )
  } finally {
    clearTimeout(timer)
  }
}
