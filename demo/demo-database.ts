import { Client } from "pg"

/** Drops and recreates the demo database, so every demo run starts from an empty store. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

export interface SideEffectRow {
  order_id: string
  kind: string
  /** "" the order's own, else a credit note's id or `order_canceled` */
  subject: string
  status: string
  attempts: number
  last_error: string | null
}

export interface IssuedInvoiceRow {
  order_id: string
  number: string
  file_url: string | null
  /** from the invoice model it was issued with (null until issued) */
  language: string | null
  buyer_name: string | null
  buyer_vat_id: string | null
}

export interface CreditNoteRow {
  id: string
  order_id: string
  number: string
  reason: string
  file_url: string | null
  gross_total: string | null
}

export async function readSideEffects(databaseUrl: string, orderIds: string[]) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const jobs = await client.query<SideEffectRow>(
      `SELECT order_id, kind, subject, status, attempts, last_error FROM af_side_effect_job
       WHERE order_id = ANY($1) AND deleted_at IS NULL ORDER BY order_id, subject, kind`,
      [orderIds]
    )
    const invoices = await client.query<IssuedInvoiceRow>(
      `SELECT order_id, number, file_url, model->>'language' AS language,
              model->'buyer'->>'name' AS buyer_name, model->'buyer'->>'vatId' AS buyer_vat_id
       FROM af_invoice WHERE order_id = ANY($1) AND deleted_at IS NULL`,
      [orderIds]
    )
    const creditNotes = await client.query<CreditNoteRow>(
      `SELECT id, order_id, number, reason, file_url, model->'totals'->>'grossTotal' AS gross_total
       FROM af_credit_note WHERE order_id = ANY($1) AND deleted_at IS NULL ORDER BY number`,
      [orderIds]
    )
    return { jobs: jobs.rows, invoices: invoices.rows, creditNotes: creditNotes.rows }
  } finally {
    await client.end()
  }
}

/** Per order, in the order given: milliseconds from the order's creation to its first side-effect job row. */
export async function schedulingDelays(databaseUrl: string, orderIds: string[]): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: string; ms: string }>(
      `SELECT o.id, round(extract(epoch FROM min(j.created_at) - o.created_at) * 1000) AS ms
       FROM "order" o JOIN af_side_effect_job j ON j.order_id = o.id
       WHERE o.id = ANY($1) GROUP BY o.id, o.created_at`,
      [orderIds]
    )
    const byOrder = new Map(rows.map((row) => [row.id, Number(row.ms)]))
    return orderIds.map((id) => byOrder.get(id) ?? Number.NaN)
  } finally {
    await client.end()
  }
}
