import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectJobDTO as Row } from "../../../modules/async-fulfilment/side-effect-jobs/side-effect-job-dto"

export const resetSideEffectJobsStepId = "reset-side-effect-jobs"

/** Puts the rows back to `queued` with no attempts; the compensation restores them as they were. */
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
    await service.updateSideEffectJobs(
      previous.map((row) => ({
        id: row.id,
        status: row.status,
        attempts: row.attempts,
        last_error: row.last_error,
        last_error_stack_head: row.last_error_stack_head,
        next_retry_at: row.next_retry_at,
        failed_at: row.failed_at,
        discarded_at: row.discarded_at,
        discard_note: row.discard_note,
      }))
    )
  }
)
