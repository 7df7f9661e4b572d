import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { IN_QUEUE_STATUSES } from "./state-machine"
import { placeholders } from "./sql-assignments"

export interface StuckSideEffectJob {
  id: string
  order_id: string
  kind: SideEffectKind
  /** "" for the order's own, a credit note's id for its */
  subject: string
  status: (typeof IN_QUEUE_STATUSES)[number]
}

/**
 * Where a sweep goes on from: the last row it checked. `updated_at` travels as Postgres's own
 * text so its microseconds survive (a JS Date would cut them and re-select the last row).
 */
export interface StuckJobsCursor {
  updated_at: string
  id: string
}

export interface StuckSideEffectJobsPage {
  rows: StuckSideEffectJob[]
  /** null when this was the last page */
  next: StuckJobsCursor | null
}

/**
 * One page of the side-effect jobs waiting or running with no change for longer than the grace
 * period, oldest change first. Keyset-paged on (updated_at, id): a sweep walks past the rows whose
 * queue job is alive (delayed, backing off) instead of selecting them again.
 */
export async function findStuckSideEffectJobs(
  manager: SqlEntityManager,
  olderThan: Date,
  limit: number,
  after: StuckJobsCursor | null = null
): Promise<StuckSideEffectJobsPage> {
  const rows: (StuckSideEffectJob & { cursor_at: string })[] = await manager.execute(
    `SELECT id, order_id, kind, subject, status, updated_at::text AS cursor_at FROM af_side_effect_job
     WHERE status IN (${placeholders(IN_QUEUE_STATUSES)}) AND updated_at < ? AND deleted_at IS NULL
       ${after ? "AND (updated_at, id) > (?::timestamptz, ?)" : ""}
     ORDER BY updated_at, id LIMIT ?`,
    [...IN_QUEUE_STATUSES, olderThan, ...(after ? [after.updated_at, after.id] : []), limit]
  )
  const last = rows[rows.length - 1]
  return {
    rows: rows.map(({ cursor_at: _, ...row }) => row),
    next: rows.length === limit ? { updated_at: last.cursor_at, id: last.id } : null,
  }
}

/** The side-effect jobs of these orders that BullMQ should hold a queue job for (the partners of a lost one). */
export async function findInQueueSideEffectJobs(
  manager: SqlEntityManager,
  orderIds: string[]
): Promise<StuckSideEffectJob[]> {
  if (!orderIds.length) {
    return []
  }
  return manager.execute(
    `SELECT id, order_id, kind, subject, status FROM af_side_effect_job
     WHERE order_id IN (${placeholders(orderIds)}) AND status IN (${placeholders(IN_QUEUE_STATUSES)}) AND deleted_at IS NULL`,
    [...orderIds, ...IN_QUEUE_STATUSES]
  )
}
