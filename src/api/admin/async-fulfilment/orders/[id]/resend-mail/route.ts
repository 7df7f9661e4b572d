import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendOrderMailWorkflow } from "../../../../../../workflows"
import type { ResendMailResponse } from "../../../contract"
import { auditActorOf } from "../../../helpers/audit-actor"
import { keepConflictMessage } from "../../../helpers/keep-conflict-message"
import { readAdminAuditEntry } from "../../../helpers/read-audit-entry"
import { readAdminJobDetails } from "../../../helpers/read-admin-job-detail"
import type { AdminResendOrderMailType } from "../../../validators"

/** 202: the resend is a new mail job; it is sent when a worker runs it. */
export const POST = async (req: MedusaRequest<AdminResendOrderMailType>, res: MedusaResponse<ResendMailResponse>) => {
  const { result } = await keepConflictMessage(() =>
    resendOrderMailWorkflow(req.scope).run({
      input: {
        order_id: req.params.id,
        to: req.validatedBody.to ?? null,
        note: req.validatedBody.note ?? null,
        actor: auditActorOf(req),
      },
    })
  )
  const [job] = await readAdminJobDetails(req.scope, [result.job_id])
  res.status(202).json({ job, audit_entry: await readAdminAuditEntry(req.scope, result.audit_entry_id) })
}
