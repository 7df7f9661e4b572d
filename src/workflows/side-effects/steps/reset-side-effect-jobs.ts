import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectJobDTO as Row } from "../../../modules/async-fulfilment/side-effect-jobs/side-effect-job-dto"

export const resetSideEffectJobsStepId = "reset-side-effect-jobs"

/**
 * Puts the rows back to `queued` with no attempts (409 if one left failed/discarded meanwhile);
 * the compensation restores those still `queued` as they were.
 */
export const resetSideEffectJobsStep = createStep(
  resetSideEffectJobsStepId,
  async (rows: Row[], { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.resetSideEffectJobsForRetry(rows.map((row) => row.id))
    return new StepResponse(rows.length, rows)
  },
  async (previous: Row[] | undefined, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    // only rows still `queued`: a worker that ran the old queue job meanwhile keeps its outcome
    await service.restoreSideEffectJobsAfterRetry(previous)
  }
)
