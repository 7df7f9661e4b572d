import { PermanentSideEffectError } from "../../errors/permanent-side-effect-error"
import type { CreditNoteRow } from "../../db/credit-notes"
import type { SideEffectPayload } from "../../queues/payload"
import type { ProcessorDocuments } from "../../runtime/processor-documents"

/** The credit note a queue job is for (its `subject`); one of another order is refused. */
export async function loadCreditNote(payload: SideEffectPayload, documents: ProcessorDocuments): Promise<CreditNoteRow> {
  return loadOrderCreditNote(payload.order_id, payload.subject, documents)
}

/** This credit note of this order; one of another order is refused. */
export async function loadOrderCreditNote(
  orderId: string,
  creditNoteId: string,
  documents: ProcessorDocuments
): Promise<CreditNoteRow> {
  const creditNote = await documents.findCreditNote(creditNoteId)
  if (!creditNote || creditNote.order_id !== orderId) {
    throw new PermanentSideEffectError(`credit note ${creditNoteId} of order ${orderId} does not exist`)
  }
  return creditNote
}
