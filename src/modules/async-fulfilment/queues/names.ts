import { SideEffectKind } from "../types/side-effect"

/** One queue per kind, so each kind has its own concurrency, backoff and failed set. */
export const QUEUE_NAMES: Record<SideEffectKind, string> = {
  invoice: "af-invoice",
  mail: "af-mail",
  erp: "af-erp",
}

/**
 * `invoice-order_01H…` (the order's own), `invoice-order_01H…-afcn_01H…` (a credit note's):
 * derived from what it is for, so enqueuing twice adds nothing.
 */
export function sideEffectJobId(kind: SideEffectKind, orderId: string, subject = ""): string {
  return subject ? `${kind}-${orderId}-${subject}` : `${kind}-${orderId}`
}
