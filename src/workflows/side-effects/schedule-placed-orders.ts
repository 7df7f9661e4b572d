import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type PendingScheduleSpan, traceScheduleBatch } from "../../modules/async-fulfilment/tracing"
import { DrainingBatcher } from "../utils/draining-batcher"
import { scheduleOrderBatchSideEffectsWorkflow } from "./schedule-order-batch-side-effects"
import { scheduleOrderSideEffectsWorkflow } from "./schedule-order-side-effects"

export interface PlacedOrder {
  order_id: string
  event_id: string | null
  span: PendingScheduleSpan
}

export type PlacedOrderBatcher = DrainingBatcher<PlacedOrder>

const batchers = new WeakMap<MedusaContainer, PlacedOrderBatcher>()

async function scheduleBatch(container: MedusaContainer, orders: PlacedOrder[]) {
  const input = { orders: orders.map(({ order_id, event_id, span }) => ({ order_id, event_id, trace: span.carrier })) }
  const run = () => scheduleOrderBatchSideEffectsWorkflow(container).run({ input })
  // a batch (two orders or more: a lone one goes through `scheduleAlone`) is a trace of its own that links them
  const { result } = await traceScheduleBatch(orders.map(({ span }) => span.carrier), run)
  return { unhandled: result.unhandled_order_ids }
}

async function scheduleAlone(container: MedusaContainer, { order_id, event_id, span }: PlacedOrder) {
  await span.run(() => scheduleOrderSideEffectsWorkflow(container).run({ input: { order_id, event_id } }))
}

/**
 * The process's batcher of placed orders (one per Medusa container): the orders of a batch go
 * through the batch workflow; those it leaves (a risk review, an order it could not load) and
 * every order of a batch that failed go through the one-order workflow, so that one bad order
 * fails alone.
 */
export function placedOrderBatcher(container: MedusaContainer, maxBatchSize: number): PlacedOrderBatcher {
  let batcher = batchers.get(container)
  if (!batcher) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    batcher = new DrainingBatcher<PlacedOrder>(
      {
        key: ({ order_id }) => order_id,
        runBatch: (orders) => scheduleBatch(container, orders),
        runOne: (order) => scheduleAlone(container, order),
        onBatchFailure: (error, orders) =>
          logger.warn(
            `[async-fulfilment] scheduling a batch of ${orders.length} orders failed (${(error as Error).message}); ` +
              `each is scheduled on its own`
          ),
      },
      maxBatchSize
    )
    batchers.set(container, batcher)
  }
  return batcher
}
