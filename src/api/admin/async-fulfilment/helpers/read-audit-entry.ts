import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { defaultAdminAuditEntryFields } from "../query-config"
import { toAdminAuditEntry } from "./to-admin-audit-entry"

/** Reads one audit entry back through query after a workflow recorded it. */
export async function readAdminAuditEntry(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "audit_entry", fields: defaultAdminAuditEntryFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return toAdminAuditEntry(data[0])
}
