import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { AllocateCreditNoteInput, CreditNoteRow } from "../db/credit-notes"
import { findCreditNoteRow, findCreditNoteRows, insertCreditNoteWithNextNumber } from "../db/credit-notes"
import {
  CreditRequestRow,
  findOrderCreditRequests,
  lockCreditRequest,
  recordCreditRequestOutcome,
  RefundDetails,
  ReturnDetails,
  unabsorbedReturnCreditMinor,
} from "../db/credit-requests"
import { findOrderSnapshotDocument } from "../db/order-snapshot-document"
import type { IssueCreditNoteInput } from "../invoice/credit-note/issue-credit-note"
import type { InvoiceModel } from "../invoice/model"
import { fromMinorUnits, invoiceAmountDigits, toMinorUnits } from "../invoice/model/minor-units"
import type { SideEffectKind } from "../types/side-effect"
import type { OrderDocument } from "../types/order-document"
import { newlyReturned, returnedInvoiceLines } from "./returned-invoice-lines"

export type SettledCreditRequest =
  | { state: "settled"; request: CreditRequestRow; credit_note: CreditNoteRow | null; created_kinds: SideEffectKind[] }
  /** the order has no issued invoice (with its model) to credit yet */
  | { state: "no_invoice"; request: CreditRequestRow; invoice_number: string | null }

export interface SettleCreditRequestDeps {
  allocation: (input: IssueCreditNoteInput) => AllocateCreditNoteInput
  /** records the new credit note's PDF, mail and ERP jobs in this transaction; returns the kinds recorded */
  recordJobs: (manager: SqlEntityManager, orderId: string, creditNoteId: string) => Promise<SideEffectKind[]>
}

/**
 * Settles one refund or return, once, in the caller's transaction, under the request's and the
 * invoice's locks (so an order's refunds, returns and cancellation are credited one after another):
 * - a refund of a canceled order, or any request once the cancellation's credit note exists, is
 *   absorbed by it (it takes back all the invoice still held; Medusa's cancel refunds the capture);
 * - a refund is absorbed by the order's return credit notes up to what they still hold; the rest
 *   (all of it when there was no return) gets its own credit note;
 * - a return gets a credit note of its lines.
 * A credit note that would exceed the invoice throws CreditExceedsInvoiceError: everything rolls
 * back, its number included, and the request stays unsettled (the job fails with the reason).
 */
export async function settleCreditRequest(
  manager: SqlEntityManager,
  id: string,
  deps: SettleCreditRequestDeps
): Promise<SettledCreditRequest> {
  const request = await lockCreditRequest(manager, id)
  if (!request) {
    throw new PermanentSideEffectError(`credit request ${id} does not exist`)
  }
  if (request.outcome) {
    const creditNote = request.credit_note_id ? await findCreditNoteRow(manager, request.credit_note_id) : null
    return { state: "settled", request, credit_note: creditNote, created_kinds: [] }
  }
  const [invoice] = await manager.execute(
    `SELECT id, number, model FROM af_invoice WHERE order_id = ? AND deleted_at IS NULL FOR UPDATE`,
    [request.order_id]
  )
  if (!invoice?.model) {
    return { state: "no_invoice", request, invoice_number: invoice?.number ?? null }
  }
  const model = invoice.model as InvoiceModel
  const digits = invoiceAmountDigits(model.currencyCode)
  const settled = (row: CreditRequestRow, creditNote: CreditNoteRow | null = null, created_kinds: SideEffectKind[] = []) =>
    ({ state: "settled", request: row, credit_note: creditNote, created_kinds }) as const
  const issue = async (input: Omit<IssueCreditNoteInput, "orderId" | "sourceKey">) => {
    const creditNote = await insertCreditNoteWithNextNumber(
      manager,
      deps.allocation({ ...input, orderId: request.order_id, sourceKey: request.source_key })
    )
    return { creditNote, kinds: await deps.recordJobs(manager, request.order_id, creditNote.id) }
  }

  const cancellation = (await findCreditNoteRows(manager, request.order_id)).find((row) => row.reason === "cancellation")
  const refundMinor = request.reason === "refund" ? Math.round(toMinorUnits((request.details as RefundDetails).amount, digits)) : 0
  if (cancellation || (request.reason === "refund" && request.order_canceled)) {
    const row = await recordCreditRequestOutcome(manager, id, { outcome: "absorbed", absorbed_minor: refundMinor, absorbed_by: "cancellation" })
    return settled(row)
  }

  if (request.reason === "refund") {
    const absorbed = Math.min(Math.max(0, await unabsorbedReturnCreditMinor(manager, request.order_id, digits)), refundMinor)
    const rest = refundMinor - absorbed
    const absorbedBy = absorbed > 0 ? "return" : null
    if (rest <= 0) {
      return settled(await recordCreditRequestOutcome(manager, id, { outcome: "absorbed", absorbed_minor: absorbed, absorbed_by: absorbedBy }))
    }
    const { creditNote, kinds } = await issue({ reason: "refund", grossAmount: fromMinorUnits(rest, digits) })
    const row = await recordCreditRequestOutcome(manager, id, {
      outcome: "credited",
      credit_note_id: creditNote.id,
      absorbed_minor: absorbed,
      absorbed_by: absorbedBy,
    })
    return settled(row, creditNote, kinds)
  }

  const document = (await findOrderSnapshotDocument(manager, request.order_id)) as OrderDocument | null
  if (!document) {
    throw new PermanentSideEffectError(`order ${request.order_id} has no order document to map its returned items to invoice lines`)
  }
  const earlier = (await findOrderCreditRequests(manager, request.order_id)).filter(
    (row) => row.reason === "return" && row.outcome === "credited"
  )
  const { lines, allReturned } = newlyReturned(request.details as ReturnDetails, earlier.map((row) => row.details as ReturnDetails))
  if (!lines.length) {
    // a repeat of a receipt already credited, under another key: nothing new came back
    return settled(await recordCreditRequestOutcome(manager, id, { outcome: "absorbed", absorbed_by: "return" }))
  }
  const returnedLines = returnedInvoiceLines(model, document, lines, allReturned)
  const { creditNote, kinds } = await issue({ reason: "return", returnedLines })
  return settled(await recordCreditRequestOutcome(manager, id, { outcome: "credited", credit_note_id: creditNote.id }), creditNote, kinds)
}
