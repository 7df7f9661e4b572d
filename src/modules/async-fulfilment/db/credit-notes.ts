import { MedusaError } from "@medusajs/framework/utils"
import { newRowId } from "./new-row-id"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { InvoiceModel } from "../invoice/model"
import { formatInvoiceNumber, InvoiceNumbering, invoiceSequenceScope, takeNextSequenceValue } from "./allocate-invoice-number"

export type CreditNoteReason = "cancellation" | "refund" | "return"

export interface CreditNoteRow {
  id: string
  order_id: string
  invoice_id: string
  number: string
  sequence_scope: string
  sequence_value: number
  issued_at: Date
  reason: CreditNoteReason
  source_key: string
  model: InvoiceModel
  file_id: string | null
  file_url: string | null
}

/** What the credit note is built from, inside the allocating transaction. */
export interface CreditNoteDraftInput {
  invoice: InvoiceModel
  number: string
  issuedAt: Date
  /** gross of the invoice's earlier credit notes, in the main unit */
  alreadyCredited: number
}

export interface AllocateCreditNoteInput {
  orderId: string
  reason: CreditNoteReason
  sourceKey: string
  issuedAt: Date
  numbering: Pick<InvoiceNumbering, "yearlySequence" | "numberPadding"> & { creditNotePrefix: string }
  /** builds the credit note's model (buildCreditNoteModel); a throw rolls the number back */
  build: (input: CreditNoteDraftInput) => InvoiceModel
}

const COLUMNS =
  "id, order_id, invoice_id, number, sequence_scope, sequence_value, issued_at, reason, source_key, model, file_id, file_url"

export async function findCreditNoteRows(manager: SqlEntityManager, orderId: string): Promise<CreditNoteRow[]> {
  const rows = await manager.execute(
    `SELECT ${COLUMNS} FROM af_credit_note WHERE order_id = ? AND deleted_at IS NULL ORDER BY sequence_scope, sequence_value`,
    [orderId]
  )
  return rows as unknown as CreditNoteRow[]
}

export async function findCreditNoteRow(manager: SqlEntityManager, id: string): Promise<CreditNoteRow | null> {
  const rows = await manager.execute(`SELECT ${COLUMNS} FROM af_credit_note WHERE id = ? AND deleted_at IS NULL`, [id])
  return (rows[0] as unknown as CreditNoteRow | undefined) ?? null
}

/**
 * Issues the credit note of `sourceKey`, once, in the caller's transaction: locks the invoice
 * (so credit notes of one invoice are built one after another and their sum is known), returns
 * the credit note already issued for this source, else takes the next number of the credit-note
 * series, builds the model and inserts it. A build that throws (more than the invoice holds)
 * rolls the number back with it: the series stays gap-free.
 */
export async function insertCreditNoteWithNextNumber(
  manager: SqlEntityManager,
  input: AllocateCreditNoteInput
): Promise<CreditNoteRow> {
  const [invoice] = await manager.execute(
    `SELECT id, number, model FROM af_invoice WHERE order_id = ? AND deleted_at IS NULL FOR UPDATE`,
    [input.orderId]
  )
  if (!invoice?.model) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order ${input.orderId} has no issued invoice${invoice ? ` (invoice ${invoice.number} has no stored model: issued before 0.2.0, or not rendered yet)` : ""} to credit`
    )
  }
  const [existing] = await manager.execute(
    `SELECT ${COLUMNS} FROM af_credit_note WHERE source_key = ? AND deleted_at IS NULL`,
    [input.sourceKey]
  )
  if (existing) {
    return existing as unknown as CreditNoteRow
  }
  const [{ credited }] = await manager.execute(
    `SELECT COALESCE(SUM((model -> 'totals' ->> 'grossTotal')::numeric), 0) AS credited
     FROM af_credit_note WHERE invoice_id = ? AND deleted_at IS NULL`,
    [invoice.id]
  )

  const numbering = { ...input.numbering, numberPrefix: input.numbering.creditNotePrefix }
  const scope = invoiceSequenceScope(numbering, input.issuedAt)
  const value = await takeNextSequenceValue(manager, scope)
  const number = formatInvoiceNumber(scope, value, numbering.numberPadding)
  const model = input.build({
    invoice: invoice.model as InvoiceModel,
    number,
    issuedAt: input.issuedAt,
    alreadyCredited: Number(credited),
  })
  const [row] = await manager.execute(
    `INSERT INTO af_credit_note (id, order_id, invoice_id, number, sequence_scope, sequence_value, issued_at, reason, source_key, model)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING ${COLUMNS}`,
    [newRowId("afcn"), input.orderId, invoice.id, number, scope, value, input.issuedAt, input.reason, input.sourceKey, JSON.stringify(model)]
  )
  return row as unknown as CreditNoteRow
}

/** The credit note's PDF is stored: recorded only while none is (a second run keeps the first file). */
export async function recordCreditNoteFile(
  manager: SqlEntityManager,
  creditNoteId: string,
  file: { id: string; url: string }
): Promise<boolean> {
  const rows = await manager.execute(
    `UPDATE af_credit_note SET file_id = ?, file_url = ?, updated_at = now()
     WHERE id = ? AND file_id IS NULL AND deleted_at IS NULL RETURNING id`,
    [file.id, file.url, creditNoteId]
  )
  return rows.length === 1
}
