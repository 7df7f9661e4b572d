export const defaultAdminSideEffectJobFields = [
  "id",
  "kind",
  "subject",
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

export const defaultAdminRiskReviewFields = [
  "id",
  "order_id",
  "order_display_id",
  "amount",
  "currency_code",
  "threshold",
  "reasons",
  "customer_name",
  "company_name",
  "status",
  "decided_by",
  "decided_at",
  "note",
  "created_at",
  "updated_at",
]

export const listRiskReviewsQueryConfig = { defaults: defaultAdminRiskReviewFields, isList: true }
export const retrieveRiskReviewQueryConfig = { defaults: defaultAdminRiskReviewFields, isList: false }

export const listSideEffectJobsQueryConfig = {
  defaults: defaultAdminSideEffectJobFields,
  isList: true,
}

export const retrieveSideEffectJobQueryConfig = {
  defaults: [...defaultAdminSideEffectJobFields, "error_history", "event_id"],
  isList: false,
}

export const defaultAdminAuditEntryFields = [
  "id",
  "order_id",
  "action",
  "actor_type",
  "actor_id",
  "note",
  "details",
  "created_at",
]

export const listAuditEntriesQueryConfig = { defaults: defaultAdminAuditEntryFields, isList: true }
