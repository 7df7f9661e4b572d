import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const acquireReconcileLockStepId = "acquire-reconcile-lock"

/** One reconciler at a time across store instances; the lease outlives a crashed holder by `ttl_ms` at most. */
export const acquireReconcileLockStep = createStep(
  acquireReconcileLockStepId,
  async ({ ttl_ms }: { ttl_ms: number }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const token = await service.acquireReconcileLock(ttl_ms)
    return new StepResponse({ token }, token)
  },
  async (token: string | null | undefined, { container }) => {
    if (token) {
      const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
      await service.releaseReconcileLock(token)
    }
  }
)
