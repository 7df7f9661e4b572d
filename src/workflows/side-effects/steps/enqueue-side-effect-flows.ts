import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface EnqueueSideEffectFlowsStepInput {
  order_id: string
  event_id: string | null
  /** per subject (a credit note's id, the cancellation notice, an admin's resend or resync) the kinds just recorded */
  subjects: { subject: string; kinds: SideEffectKind[] }[]
}

export const enqueueSideEffectFlowsStepId = "enqueue-side-effect-flows"

/**
 * Adds the jobs of these subjects to BullMQ as flows (a credit note's mail the parent of its PDF
 * job, its ERP document beside them) in one round trip: for cancellations, refunds, returns and
 * the admin's order actions. As for the order's own: when Redis is
 * unreachable the rows stay `queued` and the reconciler enqueues them.
 */
export const enqueueSideEffectFlowsStep = createStep(
  enqueueSideEffectFlowsStepId,
  async (input: EnqueueSideEffectFlowsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const flows = input.subjects
      .filter(({ kinds }) => kinds.length)
      .map(({ subject, kinds }) => ({ order_id: input.order_id, subject, event_id: input.event_id, kinds }))
    try {
      return new StepResponse({ job_ids: await service.enqueueSideEffectFlows(flows), deferred: false })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `[async-fulfilment] could not enqueue the jobs of order ${input.order_id} ` +
            `(${(error as Error).message}); they are recorded and the reconciler will enqueue them`
        )
      return new StepResponse({ job_ids: [] as string[], deferred: true })
    }
  }
)
