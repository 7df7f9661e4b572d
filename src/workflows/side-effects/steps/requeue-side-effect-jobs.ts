import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export type RequeueSideEffectJobsStepInput = { id: string; order_id: string; kind: SideEffectKind; subject?: string }[]

export const requeueSideEffectJobsStepId = "requeue-side-effect-jobs"

/** Replaces the rows' BullMQ jobs (failed or lost) with fresh ones, attempts reset. */
export const requeueSideEffectJobsStep = createStep(
  requeueSideEffectJobsStepId,
  async (rows: RequeueSideEffectJobsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.requeueSideEffectJobs(rows)
    return new StepResponse(rows.map((row) => row.id))
  }
)
