import { buildErpOrderCanceledDocument } from "../erp/build-erp-order-canceled"
import { AwaitingDependencyError } from "../errors/awaiting-dependency-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { invoiceWaitMs, ON_ITS_WAY } from "./await-issued-invoice"

export type OrderCanceledErpJobResult =
  | { sent: true; status: number; reference: string | null }
  | { sent: false; reason: string }

/** `erp-<order id>-canceled`: stable, so the ERP drops a repeat. */
export const orderCanceledIdempotencyKey = (orderId: string) => `erp-${orderId}-canceled`

/**
 * Tells the ERP that the order it received was canceled before it was invoiced. An order
 * document still on its way (sent at the moment of the cancellation, or retrying) goes first:
 * this job waits for it, and sends nothing when it never arrives (failed for good, discarded).
 */
export async function processOrderCanceledErpJob(
  payload: SideEffectPayload,
  { documents, erp }: ProcessorRuntime
): Promise<OrderCanceledErpJobResult> {
  const orderDocument = await documents.findSideEffectState(payload.order_id, "erp")
  if (orderDocument && ON_ITS_WAY.has(orderDocument.status)) {
    throw new AwaitingDependencyError(
      "erp",
      invoiceWaitMs(orderDocument),
      `waiting for the ERP document of order ${payload.order_id} (${orderDocument.status})`
    )
  }
  if (orderDocument?.status !== "completed") {
    return { sent: false, reason: `the ERP never received order ${payload.order_id} (${orderDocument?.status ?? "no job"})` }
  }
  const order = await documents.retrieveOrderDocument(payload.order_id)
  const response = await erp.send(buildErpOrderCanceledDocument(order), orderCanceledIdempotencyKey(payload.order_id))
  return { sent: true, status: response.status, reference: response.reference }
}
