/**
 * The admin API contract of /admin/async-fulfilment/*: what its routes take and answer, as JSON.
 * Type-only: the routes build their answers as these types, and the Admin UI imports them with
 * `import type`, so no server code reaches the admin bundle.
 */
import type { RiskReviewStatus } from "../../../modules/async-fulfilment/models/risk-review"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"
import type {
  SideEffectAttemptError,
  SideEffectJobStatus as SideEffectStatus,
} from "../../../modules/async-fulfilment/side-effect-jobs/state-machine"

import type { SideEffectKindStats } from "../../../modules/async-fulfilment/stats/side-effect-stats"
import type { AuditAction, AuditActorType } from "../../../modules/async-fulfilment/audit/audit-actions"

export type { RiskReviewStatus }

export type JobKind = SideEffectKind

/** The states an admin sees: BullMQ's words (a `queued` row is `waiting`, or `delayed` until its retry), plus `held` and `discarded`. */
export type JobStatus = Exclude<SideEffectStatus, "queued"> | "waiting" | "delayed"

export interface JobError {
  message: string
  stack_head: string | null
}

export interface AdminSideEffectJob {
  id: string
  kind: JobKind
  /** "" for the order's own invoice, mail or ERP sync; a credit note's id for its */
  subject: string
  order_id: string
  order_display_id: number | null
  status: JobStatus
  attempts: number
  max_attempts: number
  last_error: JobError | null
  next_retry_at: string | null
  result: Record<string, unknown> | null
  created_at: string
  updated_at: string
  started_at: string | null
  completed_at: string | null
  failed_at: string | null
  discarded_at: string | null
  discard_note: string | null
}

/** One failed attempt, newest last in `error_history`. */
export type JobAttemptError = SideEffectAttemptError

export interface QueueJobState {
  name: string
  state: string
  attempts_made: number
  failed_reason: string | null
}

export interface AdminSideEffectJobDetail extends AdminSideEffectJob {
  error_history: JobAttemptError[]
  event_id: string | null
  /** the BullMQ job's data; null once BullMQ no longer keeps the job */
  payload: Record<string, unknown> | null
  queue: QueueJobState | null
}

export interface JobListFilters {
  kind?: JobKind
  status?: JobStatus
  order_id?: string
  created_at?: { gte?: string; lte?: string }
  limit?: number
  offset?: number
  order?: string
}

export interface JobListResponse {
  jobs: AdminSideEffectJob[]
  count: number
  offset: number
  limit: number
}

export interface JobResponse {
  job: AdminSideEffectJob
}

export interface JobDetailResponse {
  job: AdminSideEffectJobDetail
}

/** At least one filter, or `all: true` (400 otherwise). */
export interface RetryJobsBody {
  kind?: JobKind
  status?: "failed"
  error_contains?: string
  created_at?: { gte?: string; lte?: string }
  all?: true
}

export interface RetryJobsResponse {
  retried: number
  ids: string[]
  /** workflow runs of at most 100 matching rows each */
  batches: number
}

export interface OrderInvoice {
  number: string
  issued_at: string
  /** an admin route path answering application/pdf (the session cookie authorises it); null before the PDF is stored */
  download_url: string | null
  /** lower-case ISO 4217; null for an invoice issued before 0.2.0 (no stored model) */
  currency_code: string | null
  /** BT-112 in the currency's main unit; null as currency_code */
  gross_total: number | null
  /** its CII and UBL XML (admin route paths): null before the PDF is stored or without an e-invoice profile */
  xml_download: { cii: string; ubl: string } | null
}

export interface OrderSideEffectsResponse {
  order_id: string
  jobs: AdminSideEffectJob[]
  invoice: OrderInvoice | null
}

export type KindStats = SideEffectKindStats

export interface StatsResponse {
  kinds: Record<JobKind, KindStats>
  generated_at: string
}

/** A B2B order over its currency's threshold, held until an admin approves (or rejects) it. */
export interface AdminRiskReview {
  id: string
  order_id: string
  order_display_id: number | null
  /** the order total in the currency's major unit */
  amount: number
  currency_code: string
  threshold: number
  /** why the order counts as B2B: `company_name`, `customer_group:<id>`, `metadata:<key>` */
  reasons: string[]
  customer_name: string | null
  company_name: string | null
  status: RiskReviewStatus
  decided_by: string | null
  decided_at: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export interface RiskReviewListFilters {
  status?: RiskReviewStatus
  /** needs the `order_id` filter of GET /admin/async-fulfilment/reviews */
  order_id?: string
  currency_code?: string
  amount?: { gte?: number; lte?: number }
  limit?: number
  offset?: number
  order?: string
}

export interface RiskReviewListResponse {
  reviews: AdminRiskReview[]
  count: number
  offset: number
  limit: number
}

export interface RiskReviewResponse {
  review: AdminRiskReview
}

/** The last segment of `POST …/reviews/:id/approve` and `…/reject`. */
export type RiskReviewDecision = "approve" | "reject"

export interface RiskReviewDecisionBody {
  note?: string
}

/** POST /admin/async-fulfilment/customers/:id/erase */
export interface CustomerErasureResponse {
  customer_id: string
  /** the orders whose snapshots, jobs and reviews lost their personal fields (invoices are kept) */
  erased_order_ids: string[]
}

/** Admin route paths of one rendering of a credit note; null for XML when it was issued without an e-invoice profile. */
export interface CreditNoteDownloads {
  pdf: string
  cii: string | null
  ubl: string | null
}

/** A credit note correcting the order's invoice (a cancellation or a refund); amounts in the currency's main unit. */
export interface AdminCreditNote {
  id: string
  number: string
  reason: "cancellation" | "refund"
  issued_at: string
  /** lower-case ISO 4217, as Medusa writes it */
  currency_code: string
  gross_total: number
  net_total: number
  vat_total: number
  /** the invoice it corrects (BT-25) */
  invoice_number: string | null
  /** true once its PDF is stored: before that the PDF download answers 409 */
  file_ready: boolean
  download: CreditNoteDownloads
}

/** GET /admin/async-fulfilment/orders/:id/credit-notes, oldest first */
export interface OrderCreditNotesResponse {
  credit_notes: AdminCreditNote[]
}

export type { AuditAction, AuditActorType }

/** One admin action on an order, newest first in GET /admin/async-fulfilment/orders/:id/audit. */
export interface AdminAuditEntry {
  id: string
  order_id: string
  action: AuditAction
  actor_type: AuditActorType
  /** the admin user's or secret API key's id; null for the system */
  actor_id: string | null
  note: string | null
  /**
   * what it touched: `jobs` (`[{ id, kind, subject }]`) for retry, bulk_retry and discard; `review_id`
   * for review decisions; `{ subject, job_id, to }` for resend_mail (`to` null = the order's
   * address; null with `to_erased: true` after a GDPR erasure); `{ n, jobs: [{ id, subject,
   * document_id, idempotency_key }] }` for resync_erp; `customer_id` for erase_personal_data
   */
  details: Record<string, unknown> | null
  created_at: string
}

export interface AuditTrailResponse {
  audit_entries: AdminAuditEntry[]
  count: number
}

/** POST /admin/async-fulfilment/orders/:id/resend-mail */
export interface ResendMailBody {
  /** another recipient (the order's address when absent) */
  to?: string
  note?: string
}

export interface ResendMailResponse {
  job: AdminSideEffectJobDetail
  audit_entry: AdminAuditEntry
}

/** POST /admin/async-fulfilment/orders/:id/resync-erp */
export interface ResyncErpBody {
  note?: string
}

export interface ResyncErpResponse {
  /** the order document's job first, then one per credit note */
  jobs: AdminSideEffectJobDetail[]
  audit_entry: AdminAuditEntry
}
