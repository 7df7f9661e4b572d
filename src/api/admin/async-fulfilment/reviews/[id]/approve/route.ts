import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideReview } from "../../../helpers/decide-review"
import type { AdminDecideRiskReviewType } from "../../../validators"

export const POST = (req: AuthenticatedMedusaRequest<AdminDecideRiskReviewType>, res: MedusaResponse) =>
  decideReview(req, res, "approved")
