import type { AdminSideEffectJob, JobKind, JobStatus } from "../../api/admin/async-fulfilment/contract"
import { ORDER_CANCELED_SUBJECT } from "../../modules/async-fulfilment/types/side-effect"

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

/** `resend-<n>` (the n-th resent mail) and `resync-<n>[-<credit note id>]` (the n-th ERP resync) */
const ACTION_SUBJECT = /^(resend|resync)-([1-9]\d*)(-.+)?$/

function actionJobLabel(job: Pick<AdminSideEffectJob, "kind" | "subject">): string | null {
  const match = ACTION_SUBJECT.exec(job.subject)
  if (!match) return null
  const [, action, n, creditNote] = match
  return action === "resend" ? `Mail (resend ${n})` : `${creditNote ? "Credit note ERP" : "ERP"} (resync ${n})`
}

export const jobLabel = (job: Pick<AdminSideEffectJob, "kind" | "subject">) =>
  job.subject === ORDER_CANCELED_SUBJECT
    ? "ERP cancellation notice"
    : actionJobLabel(job) ?? (job.subject ? CREDIT_NOTE_KIND_LABEL : KIND_LABEL)[job.kind]

/** Every kind and status in the order the admin lists them; the label records, typed by the contract, hold each one once. */
export const JOB_KINDS = Object.keys(KIND_LABEL) as JobKind[]
export const JOB_STATUSES = Object.keys(STATUS_LABEL) as JobStatus[]

/** Still moving: a worker holds it or will pick it up, so its row is worth polling. */
export const isPending = (job: Pick<AdminSideEffectJob, "status">) =>
  job.status === "waiting" || job.status === "active" || job.status === "delayed"

export const canRetry = (job: Pick<AdminSideEffectJob, "status">) => job.status === "failed"
