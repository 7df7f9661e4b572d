import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"

export interface DiscardSideEffectJobStepInput {
  id: string
  note: string | null
}

export const discardSideEffectJobStepId = "discard-side-effect-job"

/** Marks a failed row given up and takes its job out of BullMQ's failed set. */
export const discardSideEffectJobStep = createStep(
  discardSideEffectJobStepId,
  async ({ id, note }: DiscardSideEffectJobStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.discardSideEffectJob(id, note)
    return new StepResponse(id)
  }
)
