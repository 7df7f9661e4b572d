import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuditActor } from "../../../../modules/async-fulfilment/audit/audit-actions"
import { SYSTEM_ACTOR } from "../../../../modules/async-fulfilment/audit/audit-actions"

/** Who is acting, from Medusa's auth context: an admin user, or a secret API key (`api-key`). */
export function auditActorOf(req: MedusaRequest): AuditActor {
  const context = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  if (!context?.actor_id) {
    return SYSTEM_ACTOR
  }
  return { actor_type: context.actor_type === "api-key" ? "api_key" : "user", actor_id: context.actor_id }
}
