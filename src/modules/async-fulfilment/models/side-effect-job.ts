import { model } from "@medusajs/framework/utils"
import { SIDE_EFFECT_KINDS, SIDE_EFFECT_STATUSES } from "../types/side-effect"

/** One row per (order, kind): the durable truth of what happened to that side effect. */
export const SideEffectJob = model
  .define("af_side_effect_job", {
    id: model.id({ prefix: "afjob" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum([...SIDE_EFFECT_KINDS]),
    status: model.enum([...SIDE_EFFECT_STATUSES]).default("queued"),
    /** BullMQ job id, `<kind>-<order_id>`: BullMQ refuses ids with a colon */
    bullmq_job_id: model.text(),
    attempts: model.number().default(0),
    max_attempts: model.number(),
    last_error: model.text().nullable(),
    /** every failed attempt, newest last, capped */
    error_history: model.json().nullable(),
    /** what the processor returned: file id, SMTP message id, ERP reference */
    result: model.json().nullable(),
    event_id: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["order_id", "kind"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "kind"] },
  ])
