import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface EnqueueCreditNoteSideEffectsStepInput {
  order_id: string
  event_id: string | null
  credit_notes: { credit_note_id: string; kinds: SideEffectKind[] }[]
}

export const enqueueCreditNoteSideEffectsStepId = "enqueue-credit-note-side-effects"

/**
 * Adds the credit notes' jobs to BullMQ as flows (its mail the parent of its PDF job, its ERP
 * document beside them) in one round trip. As for the order's own: when Redis is unreachable
 * the rows stay `queued` and the reconciler enqueues them.
 */
export const enqueueCreditNoteSideEffectsStep = createStep(
  enqueueCreditNoteSideEffectsStepId,
  async (input: EnqueueCreditNoteSideEffectsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const flows = input.credit_notes
      .filter((note) => note.kinds.length)
      .map((note) => ({ order_id: input.order_id, subject: note.credit_note_id, event_id: input.event_id, kinds: note.kinds }))
    try {
      return new StepResponse({ job_ids: await service.enqueueSideEffectFlows(flows), deferred: false })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `[async-fulfilment] could not enqueue the credit-note jobs of order ${input.order_id} ` +
            `(${(error as Error).message}); they are recorded and the reconciler will enqueue them`
        )
      return new StepResponse({ job_ids: [] as string[], deferred: true })
    }
  }
)
