import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export interface UnrecordedOrdersWindow {
  placedFrom: Date
  placedTo: Date
  limit: number
}

/**
 * One anti-join of Medusa's orders with the plugin's side-effect jobs (both live in the store's
 * database), over the whole window, oldest first: an order without a record is found however many
 * recorded orders came after it. Orders placed before the plugin recorded its first order were
 * never its to process (installing the plugin invoices no old order).
 */
export async function selectUnrecordedOrderIds(knex: Knex, window: UnrecordedOrdersWindow): Promise<string[]> {
  const rows: { id: string }[] = await knex
    .select("o.id")
    .from({ o: "order" })
    .where("o.is_draft_order", false)
    .whereNotIn("o.status", ["draft", "canceled"])
    .whereNull("o.deleted_at")
    .where("o.created_at", ">=", window.placedFrom)
    .where("o.created_at", "<=", window.placedTo)
    .where("o.created_at", ">=", knex.raw("(SELECT min(created_at) FROM af_side_effect_job)"))
    .whereNotExists(
      knex.select(knex.raw("1")).from({ j: "af_side_effect_job" }).whereRaw("j.order_id = o.id").whereNull("j.deleted_at")
    )
    .orderBy([{ column: "o.created_at" }, { column: "o.id" }])
    .limit(window.limit)
  return rows.map((row) => row.id)
}
