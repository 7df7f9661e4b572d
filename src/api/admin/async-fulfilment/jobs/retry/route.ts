import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryFailedSideEffectJobsWorkflow } from "../../../../../workflows"
import type { RetryJobsResponse } from "../../contract"
import type { AdminRetrySideEffectJobsType } from "../../validators"
import { auditActorOf } from "../../helpers/audit-actor"

/** Rows one workflow run retries: a large bulk retry is many short transactions, not one long one. */
export const BULK_RETRY_BATCH_SIZE = 100

export const POST = async (req: MedusaRequest<AdminRetrySideEffectJobsType>, res: MedusaResponse<RetryJobsResponse>) => {
  const { status: _onlyFailed, all: _everyFailed, note, ...filter } = req.validatedBody
  const actor = auditActorOf(req)
  const ids: string[] = []
  let afterId: string | null = null
  let batches = 0
  for (;;) {
    const { result } = await retryFailedSideEffectJobsWorkflow(req.scope).run({
      input: { ...filter, after_id: afterId, limit: BULK_RETRY_BATCH_SIZE, actor, note: note ?? null },
    })
    batches++
    ids.push(...result.ids)
    if (result.matched < BULK_RETRY_BATCH_SIZE || !result.last_id) {
      break
    }
    afterId = result.last_id
  }
  res.json({ retried: ids.length, ids, batches })
}
