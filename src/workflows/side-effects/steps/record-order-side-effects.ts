import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RecordOrderSideEffectsInput } from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export type RecordOrderSideEffectsStepInput = RecordOrderSideEffectsInput & {
  /** the order was canceled before its order.placed was handled: nothing to record */
  canceled?: boolean
}

export const recordOrderSideEffectsStepId = "record-order-side-effects"

/** Writes the order document and the side-effect rows; returns the kinds it created (none for a canceled order). */
export const recordOrderSideEffectsStep = createStep(
  recordOrderSideEffectsStepId,
  async ({ canceled, ...input }: RecordOrderSideEffectsStepInput, { container }) => {
    if (canceled) {
      return new StepResponse([] as SideEffectKind[], { order_id: input.document.order_id, created_kinds: [] as SideEffectKind[] })
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const { created_kinds } = await service.recordOrderSideEffects(input)
    return new StepResponse(created_kinds, { order_id: input.document.order_id, created_kinds })
  },
  async (created: { order_id: string; created_kinds: SideEffectKind[] } | undefined, { container }) => {
    if (!created?.created_kinds.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const rows = await service.listSideEffectJobs({
      order_id: created.order_id,
      kind: created.created_kinds,
      subject: "",
    })
    await service.deleteSideEffectJobs(rows.map((row) => row.id))
  }
)
