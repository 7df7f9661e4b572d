import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export const loadDiscardableSideEffectJobStepId = "load-discardable-side-effect-job"

/** Loads the row an admin wants to give up on: 404 unknown, 409 unless it failed. */
export const loadDiscardableSideEffectJobStep = createStep(
  loadDiscardableSideEffectJobStepId,
  async ({ id }: { id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const [row] = await service.listSideEffectJobs({ id })
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Side-effect job ${id} was not found`)
    }
    if (row.status !== "failed") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Side-effect job ${row.id} (${row.kind} of order ${row.order_id}) is ${row.status}: only failed jobs can be discarded`
      )
    }
    return new StepResponse(row)
  }
)
