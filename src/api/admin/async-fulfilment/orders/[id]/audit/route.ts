import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuditTrailResponse } from "../../../contract"
import { toAdminAuditEntry } from "../../../helpers/to-admin-audit-entry"

/** The order's audit trail, newest first; kept when its jobs are gone, and for orders deleted since. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AuditTrailResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "audit_entry",
    fields: req.queryConfig.fields,
    filters: { order_id: req.params.id },
    pagination: req.queryConfig.pagination,
  })
  res.json({ audit_entries: data.map(toAdminAuditEntry), count: metadata?.count ?? data.length })
}
