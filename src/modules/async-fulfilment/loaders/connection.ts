import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parseAsyncFulfilmentOptions } from "../options"
import { connectOrExplain, openRedisConnections } from "../redis/connections"
import { describeEvictionRisk } from "../redis/check-eviction-policy"

/** Validates the options once at boot and opens the Redis connections the module shares. */
export default async function asyncFulfilmentConnectionLoader({
  container,
  options,
  logger,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const parsed = parseAsyncFulfilmentOptions(options)
  const nodes = parsed.redisCluster?.nodes
  const connections = openRedisConnections(parsed.redisUrl ?? "", parsed.redisOptions, nodes)
  const shownAs = nodes ? `cluster ${nodes.map((node) => `${node.host}:${node.port}`).join(",")}` : parsed.redisUrl!
  await connectOrExplain(connections, shownAs, 5_000, nodes ? "redisCluster" : "redisUrl")
  const evictionRisk = await describeEvictionRisk(connections.producer)
  if (evictionRisk) {
    logger?.warn(evictionRisk)
  }
  if (!parsed.smtp) {
    logger?.warn(
      "[async-fulfilment] no `smtp` option: order mails are off; invoices and the ERP sync still run"
    )
  }
  container.register({
    asyncFulfilmentOptions: asValue(parsed),
    asyncFulfilmentRedis: asValue(connections),
  })
}
