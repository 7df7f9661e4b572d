import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { RecordedActionJob } from "../../../modules/async-fulfilment/order-actions/record-order-actions"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface RecordOrderActionJobsStepInput {
  order_id: string
  action: "resend_mail" | "resync_erp"
}

export interface RecordedOrderActionJobs {
  n: number
  kind: SideEffectKind
  jobs: (RecordedActionJob & { id: string })[]
}

export const recordOrderActionJobsStepId = "record-order-action-jobs"

/**
 * Records the new side-effect jobs of a resend (one mail job) or a resync (one ERP job per
 * document), numbered per order: 409 when there is nothing to resend or sync. The compensation
 * deletes them (never enqueued, they never ran).
 */
export const recordOrderActionJobsStep = createStep(
  recordOrderActionJobsStepId,
  async ({ order_id, action }: RecordOrderActionJobsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const kind: SideEffectKind = action === "resend_mail" ? "mail" : "erp"
    const recorded =
      action === "resend_mail" ? await service.recordMailResend(order_id) : await service.recordErpResync(order_id)
    const rows = await service.listSideEffectJobs({ order_id, kind, subject: recorded.jobs.map((job) => job.subject) })
    const jobs = recorded.jobs.map((job) => ({ ...job, id: rows.find((row) => row.subject === job.subject)!.id }))
    return new StepResponse({ n: recorded.n, kind, jobs } as RecordedOrderActionJobs, jobs.map((job) => job.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.deleteSideEffectJobs(ids)
  }
)
