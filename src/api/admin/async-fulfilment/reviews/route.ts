import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RiskReviewListResponse } from "../contract"
import type { AdminGetRiskReviewsParamsType } from "../validators"

export const GET = async (req: MedusaRequest<unknown, AdminGetRiskReviewsParamsType>, res: MedusaResponse<RiskReviewListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "risk_review",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ reviews: data, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
