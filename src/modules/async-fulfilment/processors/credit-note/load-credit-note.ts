import { PermanentSideEffectError } from "../../errors/permanent-side-effect-error"
import type { CreditNoteRow } from "../../db/credit-notes"
import type { SideEffectPayload } from "../../queues/payload"
import type { ProcessorDocuments } from "../../runtime/processor-documents"

/** The credit note a queue job is for (its `subject`); one of another order is refused. */
export async function loadCreditNote(payload: SideEffectPayload, documents: ProcessorDocuments): Promise<CreditNoteRow> {
  const creditNote = await documents.findCreditNote(payload.subject)
  if (!creditNote || creditNote.order_id !== payload.order_id) {
    throw new PermanentSideEffectError(`credit note ${payload.subject} of order ${payload.order_id} does not exist`)
  }
  return creditNote
}
