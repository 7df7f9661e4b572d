import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resyncOrderErpWorkflow } from "../../../../../../workflows"
import type { ResyncErpResponse } from "../../../contract"
import { auditActorOf } from "../../../helpers/audit-actor"
import { keepConflictMessage } from "../../../helpers/keep-conflict-message"
import { readAdminAuditEntry } from "../../../helpers/read-audit-entry"
import { readAdminJobDetails } from "../../../helpers/read-admin-job-detail"
import type { AdminResyncOrderErpType } from "../../../validators"

/** 202: new ERP jobs for the order document and its credit notes, sent when a worker runs them. */
export const POST = async (req: MedusaRequest<AdminResyncOrderErpType>, res: MedusaResponse<ResyncErpResponse>) => {
  const { result } = await keepConflictMessage(() =>
    resyncOrderErpWorkflow(req.scope).run({
      input: { order_id: req.params.id, note: req.validatedBody.note ?? null, actor: auditActorOf(req) },
    })
  )
  const jobs = await readAdminJobDetails(req.scope, result.job_ids)
  res.status(202).json({ jobs, audit_entry: await readAdminAuditEntry(req.scope, result.audit_entry_id) })
}
