import { SideEffectKind } from "../types/side-effect"

/** One queue per kind, so each kind has its own concurrency, backoff and failed set. */
export const QUEUE_NAMES: Record<SideEffectKind, string> = {
  invoice: "af-invoice",
  mail: "af-mail",
  erp: "af-erp",
}

/** `invoice-order_01H…`: derived from the order, so enqueuing twice adds nothing. */
export function sideEffectJobId(kind: SideEffectKind, orderId: string): string {
  return `${kind}-${orderId}`
}
