import type { OrderDocument } from "../types/order-document"
import type { AllocatedInvoiceRow } from "../db/allocate-invoice-number"

/** What processors read and write in Postgres besides their side effect: the order document and its invoice. */
export interface ProcessorDocuments {
  retrieveOrderDocument(orderId: string): Promise<OrderDocument>
  /** allocates the invoice number on the first call (gap-free, once per order) */
  allocateInvoice(orderId: string): Promise<AllocatedInvoiceRow>
  findInvoice(orderId: string): Promise<AllocatedInvoiceRow | null>
  attachInvoiceFile(invoiceId: string, file: { id: string; url: string }): Promise<void>
}
