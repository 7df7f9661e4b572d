import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { NewCreditRequest } from "../../../modules/async-fulfilment/db/credit-requests"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface RecordCreditRequestsStepInput {
  requests: NewCreditRequest[]
  event_id: string | null
}

export interface RecordedCreditRequests {
  order_id: string | null
  /** per credit request recorded now (none on a repeat) its job's kinds: only those are enqueued */
  subjects: { subject: string; kinds: SideEffectKind[] }[]
}

export const recordCreditRequestsStepId = "record-credit-requests"

/**
 * Records the refunds or returns not recorded yet, each with the job that credits it. Not
 * compensated: a recorded request is what makes a repeated event a no-op, and its job is in
 * Postgres for the reconciler if it never reaches BullMQ.
 */
export const recordCreditRequestsStep = createStep(
  recordCreditRequestsStepId,
  async ({ requests, event_id }: RecordCreditRequestsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const subjects = requests.length ? await service.recordCreditRequests(requests, event_id) : []
    return new StepResponse<RecordedCreditRequests>({ order_id: requests[0]?.order_id ?? null, subjects })
  }
)
