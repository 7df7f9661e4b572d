import { MedusaError } from "@medusajs/framework/utils"
import { AwaitingDependencyError } from "../errors/awaiting-dependency-error"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { CreditRequestOutcome } from "../db/credit-requests"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { invoiceWaitMs, ON_ITS_WAY } from "./await-issued-invoice"

export interface CreditRequestJobResult {
  outcome: CreditRequestOutcome
  credit_note_id: string | null
  credit_note_number: string | null
  /** the part of a refund another credit note already takes back (a return's, the cancellation's), minor units */
  absorbed_minor: number
  absorbed_by: string | null
}

/**
 * Settles a refund or return (subject = its credit request): issues its credit note and enqueues
 * that credit note's PDF, mail and ERP jobs, or records why none is due. While the order's invoice
 * is on its way it waits for it (BullMQ's delayed set, like the ERP job); an order that will never
 * be invoiced (canceled before, invoices discarded) has nothing to credit. More than the invoice
 * still holds fails for good with CreditExceedsInvoiceError's reason; nothing is issued.
 */
export async function processCreditRequestJob(
  payload: SideEffectPayload,
  { documents, logger }: ProcessorRuntime
): Promise<CreditRequestJobResult> {
  // the state first: an invoice job that completes between the two reads has its model recorded before
  const invoiceState = await documents.findSideEffectState(payload.order_id, "invoice")
  let settled
  try {
    settled = await documents.settleCreditRequest(payload.subject, payload.event_id)
  } catch (error) {
    if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED) {
      throw new PermanentSideEffectError(error.message) // bad data (nothing returned, an unknown line): no retry helps
    }
    throw error
  }
  if (settled.state === "no_invoice") {
    if (settled.invoice_number && invoiceState?.status === "completed") {
      throw new PermanentSideEffectError(
        `invoice ${settled.invoice_number} of order ${payload.order_id} has no stored model (issued before 0.2.0): its credit note is to be made by hand`
      )
    }
    if (invoiceState && ON_ITS_WAY.has(invoiceState.status)) {
      throw new AwaitingDependencyError("invoice", invoiceWaitMs(invoiceState), `waiting for the invoice of order ${payload.order_id} (${invoiceState.status})`)
    }
    if (invoiceState?.status === "failed") {
      throw new PermanentSideEffectError(
        `order ${payload.order_id} has no invoice to credit: its invoice job failed; retry this job once the invoice is issued`
      )
    }
    const closed = await documents.closeCreditRequestNotInvoiced(payload.subject)
    return { outcome: closed.outcome!, credit_note_id: null, credit_note_number: null, absorbed_minor: 0, absorbed_by: null }
  }
  const { request, credit_note, created_kinds } = settled
  if (credit_note && created_kinds.length) {
    await documents
      .enqueueSideEffectFlows([{ order_id: payload.order_id, subject: credit_note.id, event_id: payload.event_id, kinds: created_kinds }])
      .catch((error: Error) =>
        logger.warn(
          `[async-fulfilment] could not enqueue the jobs of credit note ${credit_note.number} (${error.message}); they are recorded and the reconciler will enqueue them`
        )
      )
  }
  return {
    outcome: request.outcome!,
    credit_note_id: credit_note?.id ?? null,
    credit_note_number: credit_note?.number ?? null,
    absorbed_minor: request.absorbed_minor,
    absorbed_by: request.absorbed_by,
  }
}
