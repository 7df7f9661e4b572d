import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { NewAuditEntry } from "../../../modules/async-fulfilment/audit/audit-actions"

export type RecordAuditEntriesStepInput = NewAuditEntry[]

export const recordAuditEntriesStepId = "record-audit-entries"

/**
 * Records the admin's action in the audit trail, in the workflow that does it: placed before the
 * action's last write that can fail, so a failed action takes its entries back (compensation)
 * and a done one always has them.
 */
export const recordAuditEntriesStep = createStep(
  recordAuditEntriesStepId,
  async (entries: RecordAuditEntriesStepInput, { container }) => {
    if (!entries.length) {
      return new StepResponse([], [] as string[])
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const created = await service.createAuditEntries(entries)
    return new StepResponse(created, created.map((entry) => entry.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.deleteAuditEntries(ids)
  }
)
