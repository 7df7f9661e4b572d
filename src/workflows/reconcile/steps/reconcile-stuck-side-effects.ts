import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { ReconcileLease } from "../../../modules/async-fulfilment/service"

export const reconcileStuckSideEffectsStepId = "reconcile-stuck-side-effects"

/**
 * Recorded jobs that BullMQ lost are enqueued again; ones it failed behind our back are marked
 * failed. Every stuck job is checked, batch by batch, the lease renewed before each batch.
 */
export const reconcileStuckSideEffectsStep = createStep(
  reconcileStuckSideEffectsStepId,
  async ({ lease }: { lease: ReconcileLease }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { requeued, failed } = await service.reconcileStuckSideEffects({ lease })
    return new StepResponse({ requeued: requeued.map((row) => row.id), failed: failed.map(({ row }) => row.id) })
  }
)
