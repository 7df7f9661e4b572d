import type { AdminAuditEntry, AuditAction } from "../../api/admin/async-fulfilment/contract"

const ACTION_LABEL: Record<AuditAction, string> = {
  retry: "Job retried",
  bulk_retry: "Jobs retried (bulk)",
  discard: "Job discarded",
  review_approve: "Review approved",
  review_reject: "Review rejected",
  resend_mail: "Mail resent",
  resync_erp: "Sent to ERP again",
  erase_personal_data: "Personal data erased",
}

export const auditActionLabel = (action: AuditAction) => ACTION_LABEL[action] ?? action

/** Who did it, as far as the entry says: an admin user's id, an API key's, or the plugin. */
export function auditActorLabel(entry: Pick<AdminAuditEntry, "actor_type" | "actor_id">): string {
  if (entry.actor_type === "system") return "System"
  const who = entry.actor_type === "api_key" ? "API key" : "Admin"
  return entry.actor_id ? `${who} ${entry.actor_id}` : who
}

/** The resend's address, when the admin gave one (the entry's details hold it). */
export const auditRecipient = (entry: Pick<AdminAuditEntry, "details">) =>
  typeof entry.details?.to === "string" ? entry.details.to : null
