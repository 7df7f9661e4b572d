import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectJobStatus } from "../../../modules/async-fulfilment/side-effect-jobs/state-machine"

export interface LoadRetryableSideEffectJobsStepInput {
  ids: string[]
  /** statuses an admin may retry from; anything else is a 409 */
  retryable: SideEffectJobStatus[]
}

export const loadRetryableSideEffectJobsStepId = "load-retryable-side-effect-jobs"

/** Loads the rows an admin picked, refusing unknown ids (404) and rows not in a retryable state (409). */
export const loadRetryableSideEffectJobsStep = createStep(
  loadRetryableSideEffectJobsStepId,
  async ({ ids, retryable }: LoadRetryableSideEffectJobsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const rows = await service.listSideEffectJobs({ id: ids })
    const missing = ids.filter((id) => !rows.some((row) => row.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Side-effect job ${missing.join(", ")} was not found`)
    }
    const refused = rows.filter((row) => !retryable.includes(row.status))
    if (refused.length) {
      const [row] = refused
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Side-effect job ${row.id} (${row.kind} of order ${row.order_id}) is ${row.status}: only ${retryable.join(" or ")} jobs can be retried`
      )
    }
    return new StepResponse(rows)
  }
)
