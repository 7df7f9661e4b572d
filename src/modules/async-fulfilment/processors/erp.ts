import { buildErpDocument } from "../erp/build-erp-document"
import { sideEffectJobId } from "../queues/names"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { issuedInvoiceOrWait } from "./await-issued-invoice"
import { noteInvoiceNumber } from "../tracing/note-invoice-number"

export interface ErpJobResult {
  status: number
  reference: string | null
  /** the invoice number the document carried, null when it went without one */
  invoice_number: string | null
}

/**
 * Posts the order document to the ERP, with the order's issued invoice (number, VAT breakdown):
 * it waits for the invoice job first. The Idempotency-Key lets the ERP drop a repeat.
 */
export async function processErpJob(
  payload: SideEffectPayload,
  { documents, erp }: ProcessorRuntime
): Promise<ErpJobResult> {
  const invoice = await issuedInvoiceOrWait(payload.order_id, documents)
  noteInvoiceNumber(invoice?.number)
  const order = await documents.retrieveOrderDocument(payload.order_id)
  const response = await erp.send(buildErpDocument(order, { invoice }), sideEffectJobId("erp", payload.order_id))
  return { status: response.status, reference: response.reference, invoice_number: invoice?.number ?? null }
}
