import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetRiskReviewsParamsType } from "../validators"

export const GET = async (req: MedusaRequest<unknown, AdminGetRiskReviewsParamsType>, res: MedusaResponse) => {
  const { status, order_id, currency_code, amount } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "risk_review",
    fields: req.queryConfig.fields,
    filters: {
      ...(status ? { status } : {}),
      ...(order_id ? { order_id } : {}),
      ...(currency_code ? { currency_code } : {}),
      ...(amount?.gte !== undefined || amount?.lte !== undefined
        ? {
            amount: {
              ...(amount.gte !== undefined ? { $gte: amount.gte } : {}),
              ...(amount.lte !== undefined ? { $lte: amount.lte } : {}),
            },
          }
        : {}),
    },
    pagination: req.queryConfig.pagination,
  })
  res.json({ reviews: data, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
