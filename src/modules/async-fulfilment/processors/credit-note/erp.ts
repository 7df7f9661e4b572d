import { buildErpCreditNoteDocument } from "../../erp/build-erp-credit-note"
import { AwaitingDependencyError } from "../../errors/awaiting-dependency-error"
import type { SideEffectPayload } from "../../queues/payload"
import type { ProcessorRuntime } from "../../runtime/processor-runtime"
import { invoiceWaitMs, ON_ITS_WAY } from "../await-issued-invoice"
import { loadOrderCreditNote } from "./load-credit-note"

export interface CreditNoteErpJobResult {
  status: number
  reference: string | null
  credit_note_number: string
}

/** `erp-<credit note id>`: stable per credit note, so the ERP drops a repeat. */
export const creditNoteIdempotencyKey = (creditNoteId: string) => `erp-${creditNoteId}`

/**
 * Posts the credit note to the ERP (type "credit_note", the order document's envelope), after its
 * PDF is stored, as the order's ERP job waits for the invoice: the ERP never hears of a credit
 * note the customer cannot download yet. When its PDF job failed for good it goes ahead (the
 * numbers come from the stored model either way).
 */
export async function processCreditNoteErpJob(
  payload: SideEffectPayload,
  runtime: ProcessorRuntime
): Promise<CreditNoteErpJobResult> {
  return sendCreditNoteDocument(payload.order_id, payload.subject, runtime, creditNoteIdempotencyKey)
}

/** The credit note's ERP document, once its PDF is stored, under the key `idempotencyKey` gives (an admin's resync has its own). */
export async function sendCreditNoteDocument(
  orderId: string,
  creditNoteId: string,
  { documents, erp }: ProcessorRuntime,
  idempotencyKey: (creditNoteId: string) => string
): Promise<CreditNoteErpJobResult> {
  // the state first: a PDF job that completes between the two reads has its file recorded before
  const state = await documents.findSideEffectState(orderId, "invoice", creditNoteId)
  const creditNote = await loadOrderCreditNote(orderId, creditNoteId, documents)
  if (!creditNote.file_id && state && ON_ITS_WAY.has(state.status)) {
    throw new AwaitingDependencyError(
      "invoice",
      invoiceWaitMs(state),
      `waiting for the PDF of credit note ${creditNote.number} (${state.status})`
    )
  }
  const response = await erp.send(buildErpCreditNoteDocument(creditNote), idempotencyKey(creditNote.id))
  return { status: response.status, reference: response.reference, credit_note_number: creditNote.number }
}
