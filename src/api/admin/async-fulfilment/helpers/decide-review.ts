import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { decideRiskReviewWorkflow } from "../../../../workflows"
import type { RiskReviewResponse } from "../contract"
import type { AdminDecideRiskReviewType } from "../validators"
import { keepConflictMessage } from "./keep-conflict-message"
import { auditActorOf } from "./audit-actor"

/** Runs the decision workflow as the signed-in admin, then reads the review back. */
export async function decideReview(
  req: AuthenticatedMedusaRequest<AdminDecideRiskReviewType>,
  res: MedusaResponse<RiskReviewResponse>,
  decision: "approved" | "rejected"
) {
  await keepConflictMessage(() =>
    decideRiskReviewWorkflow(req.scope).run({
      input: {
        review_id: req.params.id,
        decision,
        decided_by: req.auth_context?.actor_id ?? null,
        note: req.validatedBody.note ?? null,
        actor: auditActorOf(req),
      },
    })
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "risk_review", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  res.json({ review: data[0] })
}
