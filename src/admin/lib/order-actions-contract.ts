/**
 * The per-order actions' admin API, as agreed with the routes' side (resend-mail, resync-erp,
 * audit). Type-only, like api/admin/async-fulfilment/contract.ts.
 */
import type { AdminSideEffectJob } from "../../api/admin/async-fulfilment/contract"

export type AuditAction =
  | "retry"
  | "bulk_retry"
  | "discard"
  | "review_approve"
  | "review_reject"
  | "resend_mail"
  | "resync_erp"
  | "erase_personal_data"

export interface AdminAuditEntry {
  id: string
  order_id: string
  action: AuditAction | string
  actor_type: "user" | "api_key" | "system" | string
  actor_id: string | null
  note: string | null
  details: Record<string, unknown> | null
  created_at: string
}

export interface OrderAuditResponse {
  audit_entries: AdminAuditEntry[]
  count: number
}

/** POST /admin/async-fulfilment/orders/:id/resend-mail → 202 */
export interface ResendMailBody {
  to?: string
  note?: string
}
export interface ResendMailResponse {
  job: AdminSideEffectJob
  audit_entry: AdminAuditEntry
}

/** POST /admin/async-fulfilment/orders/:id/resync-erp → 202 */
export interface ResyncErpBody {
  note?: string
}
export interface ResyncErpResponse {
  jobs: AdminSideEffectJob[]
  audit_entry: AdminAuditEntry
}
