import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RiskReviewResponse } from "../../contract"

export const GET = async (req: MedusaRequest, res: MedusaResponse<RiskReviewResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "risk_review", fields: req.queryConfig.fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({ review: data[0] })
}
