import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { parseActionSubject, resyncIdempotencyKey } from "../types/action-subjects"
import { sendCreditNoteDocument, type CreditNoteErpJobResult } from "./credit-note/erp"
import { sendOrderDocument, type ErpJobResult } from "./erp"

export type ResyncErpJobResult = (ErpJobResult | CreditNoteErpJobResult) & { idempotency_key: string }

/**
 * An admin's resync (subject `resync-<n>` or `resync-<n>-<credit note id>`): the order document,
 * or the credit note's, sent to the ERP again as the order's own ERP job sends it (same document,
 * same signature), under the new key `erp-<id>-r<n>` so the ERP takes it again.
 */
export async function processResyncErpJob(payload: SideEffectPayload, runtime: ProcessorRuntime): Promise<ResyncErpJobResult> {
  const parsed = parseActionSubject(payload.subject)
  if (parsed?.action !== "resync_erp") {
    throw new PermanentSideEffectError(`"${payload.subject}" is not the subject of an ERP resync`)
  }
  const { n, credit_note_id: creditNoteId } = parsed
  if (!creditNoteId) {
    const idempotency_key = resyncIdempotencyKey(payload.order_id, n)
    return { ...(await sendOrderDocument(payload.order_id, runtime, idempotency_key)), idempotency_key }
  }
  const sent = await sendCreditNoteDocument(payload.order_id, creditNoteId, runtime, (id) => resyncIdempotencyKey(id, n))
  return { ...sent, idempotency_key: resyncIdempotencyKey(creditNoteId, n) }
}
