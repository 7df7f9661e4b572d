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
export async function processErpJob(payload: SideEffectPayload, runtime: ProcessorRuntime): Promise<ErpJobResult> {
  return sendOrderDocument(payload.order_id, runtime, sideEffectJobId("erp", payload.order_id), { wokenByInvoice: true })
}

/** The order document with its issued invoice, under this Idempotency-Key (an admin's resync has its own). */
export async function sendOrderDocument(
  orderId: string,
  { documents, erp }: ProcessorRuntime,
  idempotencyKey: string,
  waiting: { wokenByInvoice?: boolean } = {}
): Promise<ErpJobResult> {
  const invoice = await issuedInvoiceOrWait(orderId, documents, waiting)
  noteInvoiceNumber(invoice?.number)
  const order = await documents.retrieveOrderDocument(orderId)
  const response = await erp.send(buildErpDocument(order, { invoice }), idempotencyKey)
  return { status: response.status, reference: response.reference, invoice_number: invoice?.number ?? null }
}
