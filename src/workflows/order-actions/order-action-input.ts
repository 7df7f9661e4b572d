import type { AuditActor } from "../../modules/async-fulfilment/audit/audit-actions"

/** What every admin action on an order carries for its audit entry. */
export interface OrderActionInput {
  order_id: string
  note?: string | null
  /** the admin (or API key) doing it; the system when absent */
  actor?: AuditActor | null
}
