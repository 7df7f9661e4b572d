import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parseAsyncFulfilmentOptions } from "../options"
import { connectOrExplain, openRedisConnections } from "../redis/connections"

/** Validates the options once at boot and opens the Redis connections the module shares. */
export default async function asyncFulfilmentConnectionLoader({
  container,
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const parsed = parseAsyncFulfilmentOptions(options)
  const connections = openRedisConnections(parsed.redisUrl)
  await connectOrExplain(connections, parsed.redisUrl)
  container.register({
    asyncFulfilmentOptions: asValue(parsed),
    asyncFulfilmentRedis: asValue(connections),
  })
}
