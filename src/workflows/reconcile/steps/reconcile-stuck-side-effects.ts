import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const reconcileStuckSideEffectsStepId = "reconcile-stuck-side-effects"

/** Recorded jobs that BullMQ lost are enqueued again; ones it failed behind our back are marked failed. */
export const reconcileStuckSideEffectsStep = createStep(
  reconcileStuckSideEffectsStepId,
  async (_: void, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { requeued, failed } = await service.reconcileStuckSideEffects()
    return new StepResponse({ requeued: requeued.map((row) => row.id), failed: failed.map(({ row }) => row.id) })
  }
)
