import { newRowId } from "../db/new-row-id"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { SideEffectKind } from "../types/side-effect"
import { sideEffectJobId } from "../queues/names"
import { recordedStatus } from "./state-machine"

export interface NewSideEffectJob {
  order_id: string
  order_display_id: number | null
  kind: SideEffectKind
  /** "" (or absent) for the order's own side effect, a credit note's id for its */
  subject?: string
  /** recorded `held` (a risk review holds it) instead of `queued` */
  held: boolean
  max_attempts: number
  event_id: string | null
}

export interface InsertedSideEffectJob {
  order_id: string
  kind: SideEffectKind
  subject: string
}

/**
 * Inserts the side-effect jobs that do not exist yet and returns those it inserted. A
 * repeated or concurrent `order.placed` for the same order inserts nothing, and so enqueues nothing.
 */
export async function insertMissingSideEffectJobs(
  manager: SqlEntityManager,
  jobs: NewSideEffectJob[]
): Promise<InsertedSideEffectJob[]> {
  if (!jobs.length) {
    return []
  }
  const values = jobs.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")
  const params = jobs.flatMap((job) => [
    newRowId("afjob"),
    job.order_id,
    job.order_display_id,
    job.kind,
    job.subject ?? "",
    recordedStatus(job.held),
    sideEffectJobId(job.kind, job.order_id, job.subject),
    job.max_attempts,
    job.event_id,
  ])
  const inserted: InsertedSideEffectJob[] = await manager.execute(
    `INSERT INTO af_side_effect_job (id, order_id, order_display_id, kind, subject, status, bullmq_job_id, max_attempts, event_id)
     VALUES ${values}
     ON CONFLICT (order_id, kind, subject) WHERE deleted_at IS NULL DO NOTHING
     RETURNING order_id, kind, subject`,
    params
  )
  return inserted
}
