import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const eraseExpiredOrderSnapshotsStepId = "erase-expired-order-snapshots"

/** `retention.orderSnapshots`: one batch of expired snapshots loses its personal fields. */
export const eraseExpiredOrderSnapshotsStep = createStep(
  eraseExpiredOrderSnapshotsStepId,
  async ({ limit }: { limit: number }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { order_ids } = await service.eraseExpiredOrderSnapshots(limit)
    return new StepResponse(order_ids)
  }
)
