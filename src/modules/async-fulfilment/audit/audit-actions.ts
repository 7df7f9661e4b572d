/** What an audit entry records; `bulk_retry` is written once per order a bulk retry touched. */
export const AUDIT_ACTIONS = [
  "retry",
  "bulk_retry",
  "discard",
  "review_approve",
  "review_reject",
  "resend_mail",
  "resync_erp",
  "erase_personal_data",
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTOR_TYPES = ["user", "api_key", "system"] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/** Who did it: an admin user, a secret API key, or the plugin itself (no auth context). */
export interface AuditActor {
  actor_type: AuditActorType
  actor_id: string | null
}

export const SYSTEM_ACTOR: AuditActor = { actor_type: "system", actor_id: null }

/** An entry to record; `created_at` is the time the row is written. */
export interface NewAuditEntry extends AuditActor {
  order_id: string
  action: AuditAction
  note: string | null
  details: Record<string, unknown> | null
}
