import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryFailedSideEffectJobsWorkflow } from "../../../../../workflows"
import type { RetryJobsResponse } from "../../contract"
import type { AdminRetrySideEffectJobsType } from "../../validators"

export const POST = async (req: MedusaRequest<AdminRetrySideEffectJobsType>, res: MedusaResponse<RetryJobsResponse>) => {
  const { status: _onlyFailed, ...filter } = req.validatedBody
  const { result } = await retryFailedSideEffectJobsWorkflow(req.scope).run({ input: filter })
  res.json(result)
}
