import type { OrderDocument } from "../types/order-document"
import type { AllocatedInvoiceRow } from "../db/allocate-invoice-number"
import type { CreditNoteRow } from "../db/credit-notes"
import type { CreditRequestRow } from "../db/credit-requests"
import type { SettledCreditRequest } from "../credit-requests/settle-credit-request"
import type { SideEffectFlowInput } from "../queues/side-effect-flow"
import type { InvoiceModel } from "../invoice/model"
import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectJobStatus } from "../side-effect-jobs/state-machine"

/** Where another side effect of the order stands, for a processor that waits for it. */
export interface SideEffectState {
  status: SideEffectJobStatus
  next_retry_at: Date | null
}

/** What processors read and write in Postgres besides their side effect: the order document and its invoice. */
export interface ProcessorDocuments {
  retrieveOrderDocument(orderId: string): Promise<OrderDocument>
  /** allocates the invoice number on the first call (gap-free, once per order) */
  allocateInvoice(orderId: string): Promise<AllocatedInvoiceRow>
  findInvoice(orderId: string): Promise<AllocatedInvoiceRow | null>
  /**
   * the rendered PDF and the model it was rendered from: the invoice is issued. False, and
   * nothing written, when a file is already recorded (a concurrent run won)
   */
  recordIssuedInvoice(invoiceId: string, issued: { file: { id: string; url: string }; model: InvoiceModel }): Promise<boolean>
  /** null when the order has no side-effect job of that kind and subject (the kind is off) */
  findSideEffectState(orderId: string, kind: SideEffectKind, subject?: string): Promise<SideEffectState | null>
  findCreditNote(id: string): Promise<CreditNoteRow | null>
  /** false, and nothing written, when the credit note has a file already (a concurrent run won) */
  recordCreditNoteFile(id: string, file: { id: string; url: string }): Promise<boolean>
  /** the address an admin's resend (`resend-<n>`) was given; `to: null` = the order's own; null = no such resend */
  findResendRecipient(orderId: string, subject: string): Promise<{ to: string | null; erased: boolean } | null>
  /** a refund's or return's credit note issued (with its jobs recorded), or why none is due; once */
  settleCreditRequest(id: string, eventId: string | null): Promise<SettledCreditRequest>
  closeCreditRequestNotInvoiced(id: string): Promise<CreditRequestRow>
  /** adds the queue jobs of these subjects (a credit note just issued) to BullMQ */
  enqueueSideEffectFlows(inputs: SideEffectFlowInput[]): Promise<string[]>
}
