import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export interface SelectFailedSideEffectJobsStepInput {
  kind?: SideEffectKind
  /** case-insensitive text the last error must contain */
  error_contains?: string
  created_at?: { gte?: Date; lte?: Date }
  /** keyset paging: only rows whose id sorts after this one */
  after_id?: string | null
  /** at most this many rows, in id order */
  limit?: number
}

export const selectFailedSideEffectJobsStepId = "select-failed-side-effect-jobs"

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`)

/** The failed rows matching an admin's filter, one page of them in id order. */
export const selectFailedSideEffectJobsStep = createStep(
  selectFailedSideEffectJobsStepId,
  async (filter: SelectFailedSideEffectJobsStepInput, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const rows = await service.listSideEffectJobs(
      {
        status: "failed",
        ...(filter.after_id ? { id: { $gt: filter.after_id } } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.error_contains ? { last_error: { $ilike: `%${escapeLike(filter.error_contains)}%` } } : {}),
        ...(filter.created_at?.gte || filter.created_at?.lte
          ? {
              created_at: {
                ...(filter.created_at.gte ? { $gte: filter.created_at.gte } : {}),
                ...(filter.created_at.lte ? { $lte: filter.created_at.lte } : {}),
              },
            }
          : {}),
      },
      { order: { id: "ASC" }, ...(filter.limit ? { take: filter.limit } : {}) }
    )
    return new StepResponse(rows)
  }
)
