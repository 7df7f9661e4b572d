import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"

/**
 * The order's snapshot row, locked until commit, so two admin actions on one order take their
 * numbers one after the other; null when the plugin never recorded the order.
 */
export async function lockOrderSnapshot(
  manager: SqlEntityManager,
  orderId: string
): Promise<{ display_id: number | null } | null> {
  const rows = await manager.execute(
    `SELECT display_id FROM af_order_snapshot WHERE order_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE`,
    [orderId]
  )
  return rows[0] ? { display_id: (rows[0].display_id as number | null) ?? null } : null
}

/**
 * The next n of an action's subjects (`resend-<n>`, `resync-<n>[-…]`) for the order: one more
 * than the highest ever recorded, so an idempotency key is never used twice.
 */
export async function nextActionNumber(
  manager: SqlEntityManager,
  orderId: string,
  kind: SideEffectKind,
  prefix: string
): Promise<number> {
  const [{ last }] = await manager.execute(
    `SELECT COALESCE(MAX((substring(subject from ?))::int), 0) AS last FROM af_side_effect_job
     WHERE order_id = ? AND kind = ? AND starts_with(subject, ?)`,
    [`^${prefix}(\\d+)`, orderId, kind, prefix]
  )
  return Number(last) + 1
}

/**
 * The address a resend was given (its audit entry's `details.to`): `{ to: null }` sends to the
 * order's own address, `erased` when a GDPR erasure blanked it; null when no entry records it.
 */
export async function findResendRecipient(
  manager: SqlEntityManager,
  orderId: string,
  subject: string
): Promise<{ to: string | null; erased: boolean } | null> {
  const rows = await manager.execute(
    `SELECT details->>'to' AS "to", COALESCE((details->>'to_erased')::boolean, false) AS erased
     FROM af_audit_entry
     WHERE order_id = ? AND action = 'resend_mail' AND details->>'subject' = ? AND deleted_at IS NULL
     ORDER BY created_at DESC LIMIT 1`,
    [orderId, subject]
  )
  return rows[0] ? { to: (rows[0].to as string | null) ?? null, erased: Boolean(rows[0].erased) } : null
}
