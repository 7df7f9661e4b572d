import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrySideEffectJobsWorkflow } from "../../../../../../workflows"
import type { JobResponse } from "../../../contract"
import { keepConflictMessage } from "../../../helpers/keep-conflict-message"
import { refetchAdminJob } from "../../../helpers/refetch-job"
import { auditActorOf } from "../../../helpers/audit-actor"
import type { AdminRetrySideEffectJobType } from "../../../validators"

export const POST = async (req: MedusaRequest<AdminRetrySideEffectJobType>, res: MedusaResponse<JobResponse>) => {
  await keepConflictMessage(() =>
    retrySideEffectJobsWorkflow(req.scope).run({
      input: { ids: [req.params.id], actor: auditActorOf(req), note: req.validatedBody?.note ?? null },
    })
  )
  res.json({ job: await refetchAdminJob(req.scope, req.params.id, req.queryConfig.fields) })
}
