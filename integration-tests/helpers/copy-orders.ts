import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The tables an order document is read from besides the order (addresses and line items are shared by id). */
const ORDER_CHILD_TABLES = ["order_item", "order_summary", "order_shipping"]

const columnsOf = async (knex: Knex, table: string): Promise<string[]> =>
  (
    await knex("information_schema.columns")
      .select("column_name")
      .where({ table_schema: "public", table_name: table })
      .orderBy("ordinal_position")
  ).map((row: { column_name: string }) => row.column_name)

/**
 * `count` copies of an order made in SQL: cheap stand-ins for orders placed while nothing listened
 * (no `order.placed`, no record). Each copy gets its own id and display id, its own item, summary
 * and shipping rows, and is placed `i` milliseconds before the original; line items, addresses and
 * shipping methods are shared. Returns the copies' ids (`<id>_<tag>_<n>`; a new tag per call
 * copies the same order again).
 */
export async function copyOrder(knex: Knex, orderId: string, count: number, tag = "copy"): Promise<string[]> {
  if (!/^\w+$/.test(tag)) throw new Error(`copyOrder: tag ${tag} must be letters, digits or _`)
  const copyId = (column: string) => `${column} || '_${tag}_' || g`
  await knex.transaction(async (trx) => {
    const orderColumns = (await columnsOf(trx, "order")).filter((column) => column !== "display_id")
    const orderValues = orderColumns.map((column) =>
      column === "id"
        ? copyId("id")
        : column === "custom_display_id"
          ? "NULL"
          : column === "created_at"
            ? "created_at - g * interval '1 millisecond'"
            : `"${column}"`
    )
    await trx.raw(
      `INSERT INTO "order" (${orderColumns.map((column) => `"${column}"`).join(", ")})
       SELECT ${orderValues.join(", ")} FROM "order", generate_series(1, ?) AS g WHERE id = ?`,
      [count, orderId]
    )
    for (const table of ORDER_CHILD_TABLES) {
      const columns = await columnsOf(trx, table)
      const values = columns.map((column) =>
        column === "id" ? copyId("id") : column === "order_id" ? copyId("order_id") : `"${column}"`
      )
      await trx.raw(
        `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})
         SELECT ${values.join(", ")} FROM "${table}", generate_series(1, ?) AS g WHERE order_id = ?`,
        [count, orderId]
      )
    }
  })
  return Array.from({ length: count }, (_, i) => `${orderId}_${tag}_${i + 1}`)
}
