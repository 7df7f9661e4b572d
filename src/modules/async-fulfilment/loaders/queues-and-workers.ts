import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import type { AsyncFulfilmentOptions } from "../options"
import type { RedisConnections } from "../redis/connections"
import { ReconcileLock } from "../redis/reconcile-lock"
import { SideEffectQueues } from "../queues/side-effect-queues"
import { SideEffectWorkers } from "../workers/side-effect-workers"
import { SideEffectAlerts } from "../alerts/side-effect-alerts"

/**
 * Registers the module's BullMQ clients, as Medusa's own modules register theirs: the queues
 * (producer side), the workers (created here, started and stopped by the service's hooks) and
 * the reconcile lease. Runs after the connection loader, whose options and Redis it uses.
 */
export default async function asyncFulfilmentQueuesAndWorkersLoader({
  container,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  const options = container.resolve<AsyncFulfilmentOptions>("asyncFulfilmentOptions")
  const redis = container.resolve<RedisConnections>("asyncFulfilmentRedis")
  const logger = container.resolve<Logger>("logger")
  const queues = new SideEffectQueues(redis.producer, options)
  container.register({
    asyncFulfilmentQueues: asValue(queues),
    asyncFulfilmentAlerts: asValue(new SideEffectAlerts(redis.producer, redis.worker, options, logger, queues)),
    asyncFulfilmentWorkers: asValue(new SideEffectWorkers(redis.worker, options, logger)),
    asyncFulfilmentReconcileLock: asValue(new ReconcileLock(redis.producer, `${options.queuePrefix}:reconcile-lock`)),
  })
}
