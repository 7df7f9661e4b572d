import { model } from "@medusajs/framework/utils"
import { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES } from "../audit/audit-actions"

/**
 * One admin action on an order (a retry, discard, review decision, resend, resync, erasure): who,
 * when, with which note. Never deleted with the jobs. `details` says what the action touched (job
 * ids, the resend's `to`, the resync's idempotency keys); an erasure blanks its personal parts.
 */
export const AuditEntry = model
  .define({ name: "audit_entry", tableName: "af_audit_entry" }, {
    id: model.id({ prefix: "afaud" }).primaryKey(),
    order_id: model.text(),
    action: model.enum([...AUDIT_ACTIONS]),
    actor_type: model.enum([...AUDIT_ACTOR_TYPES]),
    /** the admin user's or the secret API key's id; null for the system */
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["order_id", "created_at"] }])
