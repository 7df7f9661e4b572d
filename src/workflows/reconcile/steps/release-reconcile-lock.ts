import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const releaseReconcileLockStepId = "release-reconcile-lock"

/** Gives the lease back at the end of a sweep; nothing to do when this instance never got it. */
export const releaseReconcileLockStep = createStep(
  releaseReconcileLockStepId,
  async ({ token }: { token: string | null }, { container }) => {
    if (token) {
      const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
      await service.releaseReconcileLock(token)
    }
    return new StepResponse(undefined)
  }
)
