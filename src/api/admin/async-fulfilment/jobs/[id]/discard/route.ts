import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { discardSideEffectJobWorkflow } from "../../../../../../workflows"
import type { JobResponse } from "../../../contract"
import { keepConflictMessage } from "../../../helpers/keep-conflict-message"
import { refetchAdminJob } from "../../../helpers/refetch-job"
import { auditActorOf } from "../../../helpers/audit-actor"
import type { AdminDiscardSideEffectJobType } from "../../../validators"

export const POST = async (req: MedusaRequest<AdminDiscardSideEffectJobType>, res: MedusaResponse<JobResponse>) => {
  await keepConflictMessage(() =>
    discardSideEffectJobWorkflow(req.scope).run({
      input: { id: req.params.id, note: req.validatedBody.note ?? null, actor: auditActorOf(req) },
    })
  )
  res.json({ job: await refetchAdminJob(req.scope, req.params.id, req.queryConfig.fields) })
}
