import { buildErpOrderCanceledDocument } from "../erp/build-erp-order-canceled"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface OrderCanceledErpJobResult {
  status: number
  reference: string | null
}

/** `erp-<order id>-canceled`: stable, so the ERP drops a repeat. */
export const orderCanceledIdempotencyKey = (orderId: string) => `erp-${orderId}-canceled`

/** Tells the ERP that the order it received was canceled before it was invoiced. */
export async function processOrderCanceledErpJob(
  payload: SideEffectPayload,
  { documents, erp }: ProcessorRuntime
): Promise<OrderCanceledErpJobResult> {
  const order = await documents.retrieveOrderDocument(payload.order_id)
  const response = await erp.send(buildErpOrderCanceledDocument(order), orderCanceledIdempotencyKey(payload.order_id))
  return { status: response.status, reference: response.reference }
}
