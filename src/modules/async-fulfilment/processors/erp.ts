import { buildErpDocument } from "../erp/build-erp-document"
import { sideEffectJobId } from "../queues/names"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface ErpJobResult {
  status: number
  reference: string | null
}

/** Posts the order document to the ERP; the Idempotency-Key lets the ERP drop a repeat. */
export async function processErpJob(
  payload: SideEffectPayload,
  { documents, erp }: ProcessorRuntime
): Promise<ErpJobResult> {
  const order = await documents.retrieveOrderDocument(payload.order_id)
  const response = await erp.send(buildErpDocument(order, {}), sideEffectJobId("erp", payload.order_id))
  return { status: response.status, reference: response.reference }
}
