import type { AuditAction, AuditActor, NewAuditEntry } from "../../modules/async-fulfilment/audit/audit-actions"
import { SYSTEM_ACTOR } from "../../modules/async-fulfilment/audit/audit-actions"

export interface AuditedRow {
  id: string
  order_id: string
  kind: string
  subject?: string | null
}

/** One entry per order the rows belong to, naming the jobs (id, kind, subject) the action touched. */
export function auditEntriesPerOrder(
  action: AuditAction,
  rows: AuditedRow[],
  { actor, note }: { actor?: AuditActor | null; note?: string | null }
): NewAuditEntry[] {
  const byOrder = new Map<string, AuditedRow[]>()
  for (const row of rows) {
    byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row])
  }
  return [...byOrder].map(([order_id, jobs]) => ({
    order_id,
    action,
    ...(actor ?? SYSTEM_ACTOR),
    note: note ?? null,
    details: { jobs: jobs.map((job) => ({ id: job.id, kind: job.kind, subject: job.subject ?? "" })) },
  }))
}
