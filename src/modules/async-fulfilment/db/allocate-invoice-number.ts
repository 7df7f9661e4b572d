import { newRowId } from "./new-row-id"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { InvoiceModel } from "../invoice/model"

export interface InvoiceNumbering {
  numberPrefix: string
  yearlySequence: boolean
  numberPadding: number
}

export interface AllocatedInvoiceRow {
  id: string
  order_id: string
  number: string
  sequence_scope: string
  sequence_value: number
  issued_at: Date
  file_id: string | null
  file_url: string | null
  /** the invoice as issued; null until issued, and for invoices issued before 0.2.0 */
  model: InvoiceModel | null
}

export function invoiceSequenceScope(numbering: InvoiceNumbering, issuedAt: Date): string {
  return numbering.yearlySequence
    ? `${numbering.numberPrefix}${issuedAt.getUTCFullYear()}-`
    : numbering.numberPrefix
}

export function formatInvoiceNumber(scope: string, value: number, padding: number): string {
  return `${scope}${String(value).padStart(padding, "0")}`
}

/** How a scope's sequence row advances: created at 1, or one up (the row stays locked until commit). */
const ADVANCE_SEQUENCE = `ON CONFLICT (scope) WHERE deleted_at IS NULL
  DO UPDATE SET last_value = af_invoice_sequence.last_value + 1, updated_at = now()`

/**
 * The next number of a scope (invoices and credit notes each have their own), in the caller's
 * transaction: the sequence row stays locked until commit, and a rollback takes the number back.
 */
export async function takeNextSequenceValue(manager: SqlEntityManager, scope: string): Promise<number> {
  const [{ last_value }] = await manager.execute(
    `INSERT INTO af_invoice_sequence (id, scope, last_value) VALUES (?, ?, 1)
     ${ADVANCE_SEQUENCE}
     RETURNING last_value`,
    [newRowId("afseq"), scope]
  )
  return Number(last_value)
}

const INVOICE_COLUMN_NAMES = [
  "id",
  "order_id",
  "number",
  "sequence_scope",
  "sequence_value",
  "issued_at",
  "file_id",
  "file_url",
  "model",
] as const satisfies readonly (keyof AllocatedInvoiceRow)[]

const INVOICE_COLUMNS = INVOICE_COLUMN_NAMES.join(", ")

/** The invoice columns of table alias `alias`, each named `<prefix><column>`, to read beside another table's in one row. */
export function prefixedInvoiceColumns(alias: string, prefix: string): string {
  return INVOICE_COLUMN_NAMES.map((column) => `${alias}.${column} AS ${prefix}${column}`).join(", ")
}

/** The invoice in a row read with `prefixedInvoiceColumns`; null when the row has none (a left join found nothing). */
export function invoiceRowOf(row: Record<string, unknown>, prefix: string): AllocatedInvoiceRow | null {
  if (row[`${prefix}id`] == null) {
    return null
  }
  return Object.fromEntries(INVOICE_COLUMN_NAMES.map((column) => [column, row[`${prefix}${column}`]])) as unknown as AllocatedInvoiceRow
}

export async function findInvoiceRow(
  manager: SqlEntityManager,
  orderId: string
): Promise<AllocatedInvoiceRow | null> {
  const rows = await manager.execute(
    `SELECT ${INVOICE_COLUMNS} FROM af_invoice WHERE order_id = ? AND deleted_at IS NULL`,
    [orderId]
  )
  return (rows[0] as unknown as AllocatedInvoiceRow | undefined) ?? null
}

/**
 * The order's invoice: the one it has, or a new one with the next number of its scope, in one
 * statement (its own transaction: one round trip on the worker's hot path). The sequence row is
 * locked until the statement commits, so concurrent allocations queue up behind it; when the
 * insert fails (the same order allocated concurrently: the unique index on `order_id`) the
 * increment rolls back with it, so numbers stay gap-free. The number is formatted in SQL as
 * `formatInvoiceNumber` does: the value padded with zeros to `numberPadding`, never cut.
 */
export async function findOrInsertInvoiceWithNextNumber(
  manager: SqlEntityManager,
  orderId: string,
  numbering: InvoiceNumbering,
  issuedAt: Date
): Promise<AllocatedInvoiceRow> {
  const scope = invoiceSequenceScope(numbering, issuedAt)
  const [row] = await manager.execute(
    `WITH existing AS (
       SELECT ${INVOICE_COLUMNS} FROM af_invoice WHERE order_id = ? AND deleted_at IS NULL
     ), next AS (
       INSERT INTO af_invoice_sequence (id, scope, last_value)
       SELECT ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
       ${ADVANCE_SEQUENCE}
       RETURNING last_value, last_value::text AS digits
     ), inserted AS (
       INSERT INTO af_invoice (id, order_id, number, sequence_scope, sequence_value, issued_at)
       SELECT ?, ?, ?::text || CASE WHEN length(digits) >= ? THEN digits ELSE lpad(digits, ?, '0') END, ?, last_value, ?
       FROM next
       RETURNING ${INVOICE_COLUMNS}
     )
     SELECT * FROM existing UNION ALL SELECT * FROM inserted`,
    [
      orderId,
      newRowId("afseq"),
      scope,
      newRowId("afinv"),
      orderId,
      scope,
      numbering.numberPadding,
      numbering.numberPadding,
      scope,
      issuedAt,
    ]
  )
  return row as unknown as AllocatedInvoiceRow
}

/**
 * Issues the invoice: its PDF file and the model every rendering is made from, in one statement,
 * only if no file is recorded yet. False when another run recorded its file first: the caller's
 * upload is then not the invoice's and should be deleted.
 */
export async function recordIssuedInvoiceRow(
  manager: SqlEntityManager,
  invoiceId: string,
  { file, model }: { file: { id: string; url: string }; model: InvoiceModel }
): Promise<boolean> {
  const rows = await manager.execute(
    `UPDATE af_invoice SET file_id = ?, file_url = ?, model = ?::jsonb, updated_at = now()
     WHERE id = ? AND deleted_at IS NULL AND file_id IS NULL
     RETURNING id`,
    [file.id, file.url, JSON.stringify(model), invoiceId]
  )
  return rows.length === 1
}
