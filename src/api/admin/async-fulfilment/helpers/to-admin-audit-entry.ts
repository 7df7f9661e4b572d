import type { AdminAuditEntry } from "../contract"

type AuditEntryRow = Omit<AdminAuditEntry, "created_at"> & { created_at: Date | string }

/** An audit entry as the admin API shows it. */
export function toAdminAuditEntry(row: AuditEntryRow): AdminAuditEntry {
  return {
    id: row.id,
    order_id: row.order_id,
    action: row.action,
    actor_type: row.actor_type,
    actor_id: row.actor_id ?? null,
    note: row.note ?? null,
    details: row.details ?? null,
    created_at: new Date(row.created_at).toISOString(),
  }
}
