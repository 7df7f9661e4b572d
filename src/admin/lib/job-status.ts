import type { AdminSideEffectJob, JobKind, JobStatus } from "../../api/admin/async-fulfilment/contract"
import { isCreditRequestSubject, ORDER_CANCELED_SUBJECT } from "../../modules/async-fulfilment/types/side-effect"
import { parseActionSubject } from "../../modules/async-fulfilment/types/action-subjects"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const STATUS_LABEL: Record<JobStatus, string> = {
  waiting: "Waiting",
  active: "Active",
  delayed: "Delayed",
  completed: "Completed",
  failed: "Failed",
  held: "Held",
  discarded: "Discarded",
}

export const STATUS_COLOR: Record<JobStatus, BadgeColor> = {
  waiting: "blue",
  active: "blue",
  delayed: "orange",
  completed: "green",
  failed: "red",
  held: "grey",
  discarded: "grey",
}

export const KIND_LABEL: Record<JobKind, string> = { invoice: "Invoice", mail: "Mail", erp: "ERP" }

/** A credit note's jobs (a subject) reuse the kinds: its PDF, its mail, its ERP document. */
export const CREDIT_NOTE_KIND_LABEL: Record<JobKind, string> = {
  invoice: "Credit note PDF",
  mail: "Credit note mail",
  erp: "Credit note ERP",
}

/** The jobs of an admin's action: the n-th resent mail, the n-th ERP resync (of the order or a credit note). */
function actionJobLabel(job: Pick<AdminSideEffectJob, "kind" | "subject">): string | null {
  const action = parseActionSubject(job.subject)
  if (!action) return null
  if (action.action === "resend_mail") return `Mail (resend ${action.n})`
  return `${action.credit_note_id ? "Credit note ERP" : "ERP"} (resync ${action.n})`
}

/** The notices of an order canceled before it was invoiced: the customer's mail, the ERP's document. */
const CANCELLATION_NOTICE_LABEL: Record<JobKind, string> = {
  invoice: "Cancellation notice",
  mail: "Cancellation mail",
  erp: "ERP cancellation notice",
}

export function jobLabel(job: Pick<AdminSideEffectJob, "kind" | "subject">): string {
  if (job.subject === ORDER_CANCELED_SUBJECT) return CANCELLATION_NOTICE_LABEL[job.kind]
  // a refund's or return's job, which issues its credit note once the invoice is there
  if (isCreditRequestSubject(job.subject)) return "Credit for refund or return"
  return actionJobLabel(job) ?? (job.subject ? CREDIT_NOTE_KIND_LABEL : KIND_LABEL)[job.kind]
}

/** Every kind and status in the order the admin lists them; the label records, typed by the contract, hold each one once. */
export const JOB_KINDS = Object.keys(KIND_LABEL) as JobKind[]
export const JOB_STATUSES = Object.keys(STATUS_LABEL) as JobStatus[]

/** Still moving: a worker holds it or will pick it up, so its row is worth polling. */
export const isPending = (job: Pick<AdminSideEffectJob, "status">) =>
  job.status === "waiting" || job.status === "active" || job.status === "delayed"

export const canRetry = (job: Pick<AdminSideEffectJob, "status">) => job.status === "failed"
