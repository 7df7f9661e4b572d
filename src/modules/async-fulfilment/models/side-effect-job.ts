import { model } from "@medusajs/framework/utils"
import { SIDE_EFFECT_KINDS } from "../types/side-effect"
import { SIDE_EFFECT_JOB_STATUSES } from "../side-effect-jobs/state-machine"

/**
 * A side-effect job, one per (order, kind, subject): the durable truth of what happened to that
 * side effect. `subject` is "" for the order's own invoice, mail and ERP sync, and a credit
 * note's id for that credit note's. Its status changes only as side-effect-jobs/state-machine.ts allows.
 */
export const SideEffectJob = model
  .define({ name: "side_effect_job", tableName: "af_side_effect_job" }, {
    id: model.id({ prefix: "afjob" }).primaryKey(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    kind: model.enum([...SIDE_EFFECT_KINDS]),
    /** "" = the order's own document; else the credit note's id */
    subject: model.text().default(""),
    status: model.enum([...SIDE_EFFECT_JOB_STATUSES]).default("queued"),
    /** the queue job's id in BullMQ, `<kind>-<order_id>[-<subject>]`: BullMQ refuses ids with a colon */
    bullmq_job_id: model.text(),
    attempts: model.number().default(0),
    max_attempts: model.number(),
    last_error: model.text().nullable(),
    last_error_stack_head: model.text().nullable(),
    /** when BullMQ runs the next attempt (exponential backoff); null unless waiting for one */
    next_retry_at: model.dateTime().nullable(),
    /** every failed attempt, newest last, capped */
    error_history: model.json().nullable(),
    /** what the processor returned: file id, SMTP message id, ERP reference */
    result: model.json().nullable(),
    event_id: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    discarded_at: model.dateTime().nullable(),
    discard_note: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id", "kind", "subject"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "kind"] },
    { on: ["created_at"] },
  ])
