import { ERP_DOCUMENT_SCHEMA_VERSION } from "./build-erp-document"

/** The order the ERP received was canceled before it was invoiced: no credit note, the order is void. */
export interface ErpOrderCanceledDocument {
  schema_version: typeof ERP_DOCUMENT_SCHEMA_VERSION
  type: "order_canceled"
  order_id: string
  display_id: number
  /** ISO 8601; when the plugin handed the document over, null when not given */
  sent_at: string | null
}

export function buildErpOrderCanceledDocument(
  order: { order_id: string; display_id: number },
  opts: { sentAt?: Date } = {}
): ErpOrderCanceledDocument {
  return {
    schema_version: ERP_DOCUMENT_SCHEMA_VERSION,
    type: "order_canceled",
    order_id: order.order_id,
    display_id: order.display_id,
    sent_at: opts.sentAt ? opts.sentAt.toISOString() : null,
  }
}
