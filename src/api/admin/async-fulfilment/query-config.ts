export const defaultAdminSideEffectJobFields = [
  "id",
  "kind",
  "order_id",
  "order_display_id",
  "status",
  "attempts",
  "max_attempts",
  "last_error",
  "last_error_stack_head",
  "next_retry_at",
  "result",
  "bullmq_job_id",
  "created_at",
  "updated_at",
  "started_at",
  "completed_at",
  "failed_at",
  "discarded_at",
  "discard_note",
]

export const listSideEffectJobsQueryConfig = {
  defaults: defaultAdminSideEffectJobFields,
  isList: true,
}

export const retrieveSideEffectJobQueryConfig = {
  defaults: [...defaultAdminSideEffectJobFields, "error_history", "event_id"],
  isList: false,
}
