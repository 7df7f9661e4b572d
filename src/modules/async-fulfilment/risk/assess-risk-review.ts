import type { RiskReviewOptions } from "../options"
import type { OrderDocument } from "../types/order-document"
import type { SideEffectKind } from "../types/side-effect"

export interface RiskAssessment {
  /** the order waits for an admin's decision */
  review: boolean
  /** why it counts as B2B, e.g. `customer_group:cusgroup_1`, `metadata:b2b`, `company_name` */
  b2b_reasons: string[]
  amount: number
  currency_code: string
  /** null when the currency has no threshold: such orders are never reviewed */
  threshold: number | null
  /** the side effects that wait for the decision when `review` is true (`riskReview.hold`) */
  held_kinds: SideEffectKind[]
}

const truthy = (value: unknown) => value === true || value === "true" || value === 1 || value === "1"

function b2bReasons(order: OrderDocument, b2b: RiskReviewOptions["b2b"]): string[] {
  const reasons: string[] = []
  const groups = new Set(order.customer?.group_ids ?? [])
  for (const id of b2b.customerGroupIds ?? []) {
    if (groups.has(id)) {
      reasons.push(`customer_group:${id}`)
    }
  }
  const key = b2b.metadataKey
  if (key && (truthy(order.metadata?.[key]) || truthy(order.customer?.metadata?.[key]))) {
    reasons.push(`metadata:${key}`)
  }
  if (b2b.companyName && order.billing_address?.company) {
    reasons.push("company_name")
  }
  return reasons
}

/**
 * Whether a placed order goes to risk review: a B2B order whose total (tax included) reaches
 * its currency's threshold. Pure: the same order document always gets the same answer.
 */
export function assessRiskReview(order: OrderDocument, options: RiskReviewOptions | undefined): RiskAssessment {
  const currency = order.currency_code.toLowerCase()
  const threshold = options?.thresholds[currency] ?? null
  const reasons = options ? b2bReasons(order, options.b2b) : []
  const review = threshold !== null && reasons.length > 0 && order.totals.total >= threshold
  return {
    review,
    b2b_reasons: reasons,
    amount: order.totals.total,
    currency_code: currency,
    threshold,
    held_kinds: review && options ? options.hold : [],
  }
}
