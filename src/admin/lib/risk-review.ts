import type { RiskReviewStatus } from "../../api/admin/async-fulfilment/contract"

type BadgeColor = "green" | "red" | "orange"

export const REVIEW_STATUS_LABEL: Record<RiskReviewStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
}

/** In the order the status filter lists them. */
export const RISK_REVIEW_STATUSES = Object.keys(REVIEW_STATUS_LABEL) as RiskReviewStatus[]

export const REVIEW_STATUS_COLOR: Record<RiskReviewStatus, BadgeColor> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
}

/** Why the order counts as B2B, as the admin reads it. */
export function reasonLabel(reason: string): string {
  if (reason === "company_name") return "Company name on billing address"
  if (reason.startsWith("customer_group:")) return `Customer group ${reason.slice("customer_group:".length)}`
  if (reason.startsWith("metadata:")) return `Metadata flag ${reason.slice("metadata:".length)}`
  return reason
}

/** The API answers 409 (with its reason as the message) when someone decided the review first. */
export const isConflict = (error: unknown) => (error as { status?: number } | null)?.status === 409
