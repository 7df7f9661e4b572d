import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderSideEffectsResponse } from "../../../contract"
import { defaultAdminSideEffectJobFields } from "../../../query-config"
import { toAdminJob } from "../../../helpers/to-admin-job"
import { toOrderInvoice } from "../../../helpers/to-order-invoice"

/** The order's invoice, mail and ERP state in one call (the order widget's data). */
export const GET = async (req: MedusaRequest, res: MedusaResponse<OrderSideEffectsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = req.params.id
  const [{ data: jobs }, { data: invoices }] = await Promise.all([
    query.graph({ entity: "side_effect_job", fields: defaultAdminSideEffectJobFields, filters: { order_id: orderId } }),
    query.graph({ entity: "invoice", fields: ["number", "issued_at", "file_id", "model"], filters: { order_id: orderId } }),
  ])
  res.json({
    order_id: orderId,
    jobs: jobs.map((row) => toAdminJob(row)),
    invoice: invoices[0] ? toOrderInvoice(orderId, invoices[0]) : null,
  })
}
