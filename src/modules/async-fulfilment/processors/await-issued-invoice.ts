import type { InvoiceModel } from "../invoice/model"
import { AwaitingDependencyError } from "../errors/awaiting-dependency-error"
import type { ProcessorDocuments, SideEffectState } from "../runtime/processor-documents"

/** How often a waiting job looks again: soon after the invoice's own retry is due, at least 1 s, at most a minute. */
export const INVOICE_WAIT_BOUNDS_MS = { min: 1_000, firstRun: 2_000, held: 60_000, max: 60_000 } as const

/**
 * How long a job the invoice wakes (the order's own ERP job, `SIDE_EFFECT_READERS`) waits for an
 * invoice that is queued or running: the wake is what starts it, this only bounds a lost wake. A
 * short poll here would start every ERP job of a big burst again and again while its invoice waits its turn.
 */
export const WOKEN_INVOICE_WAIT_MS = 30_000

/** The side-effect job statuses in which the invoice will still be issued without an admin. */
export const ON_ITS_WAY: ReadonlySet<string> = new Set(["queued", "active", "held"])

export function invoiceWaitMs(state: SideEffectState, now = Date.now()): number {
  if (state.status === "held") {
    return INVOICE_WAIT_BOUNDS_MS.held
  }
  if (!state.next_retry_at) {
    return INVOICE_WAIT_BOUNDS_MS.firstRun
  }
  const dueIn = new Date(state.next_retry_at).getTime() - now + 250
  return Math.min(INVOICE_WAIT_BOUNDS_MS.max, Math.max(INVOICE_WAIT_BOUNDS_MS.min, dueIn))
}

/**
 * The order's issued invoice, for a side effect that reports it (the ERP document). Throws
 * AwaitingDependencyError while the invoice job is still on its way; null when there will be no
 * invoice without an admin (invoices off, the invoice job failed for good or was discarded) or it
 * was issued before 0.2.0 (no model), so the side effect goes ahead without one.
 */
export async function issuedInvoiceOrWait(
  orderId: string,
  documents: ProcessorDocuments,
  { wokenByInvoice = false }: { wokenByInvoice?: boolean } = {}
): Promise<InvoiceModel | null> {
  const issued = await documents.findInvoice(orderId)
  if (issued?.file_id) {
    return issued.model ?? null
  }
  // not yet: the state, then the invoice once more (an invoice job that completes between the two
  // reads recorded its file before it completed, so the second read sees it)
  const state = await documents.findSideEffectState(orderId, "invoice")
  const invoice = await documents.findInvoice(orderId)
  if (invoice?.file_id) {
    return invoice.model ?? null
  }
  if (!state || !ON_ITS_WAY.has(state.status)) {
    return null
  }
  const notRetrying = (state.status === "queued" || state.status === "active") && !state.next_retry_at
  const waitMs = wokenByInvoice && notRetrying ? WOKEN_INVOICE_WAIT_MS : invoiceWaitMs(state)
  const issuedNow = async () => Boolean((await documents.findInvoice(orderId))?.file_id)
  throw new AwaitingDependencyError("invoice", waitMs, `waiting for the invoice of order ${orderId} (${state.status})`, wokenByInvoice ? issuedNow : undefined)
}
