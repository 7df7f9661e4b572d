import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RecordedOrderSideEffects, RecordOrderSideEffectsInput } from "../../../modules/async-fulfilment/service"

export const recordOrderBatchSideEffectsStepId = "record-order-batch-side-effects"

/** Writes the documents and side-effect rows of a batch of orders in one transaction; per order the kinds it created. */
export const recordOrderBatchSideEffectsStep = createStep(
  recordOrderBatchSideEffectsStepId,
  async (inputs: RecordOrderSideEffectsInput[], { container }) => {
    if (!inputs.length) {
      return new StepResponse([] as RecordedOrderSideEffects[], [] as RecordedOrderSideEffects[])
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const recorded = await service.recordOrdersSideEffects(inputs)
    return new StepResponse(recorded, recorded)
  },
  async (recorded: RecordedOrderSideEffects[] | undefined, { container }) => {
    const created = (recorded ?? []).filter(({ created_kinds }) => created_kinds.length)
    if (!created.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const rows = await service.listSideEffectJobs({ order_id: created.map(({ order_id }) => order_id), subject: "" })
    const createdIds = rows.filter((row) =>
      created.some(({ order_id, created_kinds }) => row.order_id === order_id && created_kinds.includes(row.kind))
    )
    await service.deleteSideEffectJobs(createdIds.map((row) => row.id))
  }
)
