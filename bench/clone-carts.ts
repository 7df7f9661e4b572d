/**
 * Copies one cart, built through the store API up to its payment session, N times in SQL:
 * the cart, its addresses, line items and shipping method with their tax lines, its payment
 * collection and session, the cart ↔ payment collection link, and a guest customer per copy.
 * Building a cart through the store API costs four requests (~0.4 s of CPU on these machines);
 * a copy costs a row per table in one transaction, so the checkout bench spends its time on the
 * completions it measures. Every copy is a cart the store API could have built: same region,
 * sales channel, items, prices and taxes; only ids, e-mail and customer differ.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import type { Client } from "pg"

type Rows = Record<string, unknown>[]

const prefixOf = (id: string) => id.slice(0, id.lastIndexOf("_"))
const newIds = (template: string, count: number) => Array.from({ length: count }, () => generateEntityId(undefined, prefixOf(template)))

async function columnsOf(db: Client, table: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ column_name: string; udt_name: string }>(
    `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table]
  )
  if (!rows.length) throw new Error(`clone-carts: no table ${table}`)
  return new Map(rows.map((r) => [r.column_name, r.udt_name]))
}

/**
 * Inserts `count` copies of the row `table.id = templateId`, each copy taking its value of the
 * overridden columns from the arrays (index k → copy k); every other column is the template's.
 */
async function copyRow(db: Client, table: string, templateId: string, overrides: Record<string, string[]>): Promise<void> {
  const columns = await columnsOf(db, table)
  const names = [...columns.keys()]
  const overridden = Object.keys(overrides)
  for (const name of overridden) {
    if (!columns.has(name)) throw new Error(`clone-carts: ${table} has no column ${name}`)
  }
  const select = names.map((name) => (overridden.includes(name) ? `copy."${name}"` : `template."${name}"`))
  const unnest = overridden.map((name, i) => `$${i + 2}::text[]`).join(", ")
  await db.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")})
     SELECT ${select.join(", ")}
       FROM "${table}" AS template, unnest(${unnest}) AS copy(${overridden.map((n) => `"${n}"`).join(", ")})
      WHERE template.id = $1`,
    [templateId, ...overridden.map((name) => overrides[name])]
  )
}

async function rowsOf(db: Client, table: string, column: string, value: string): Promise<Rows> {
  return (await db.query(`SELECT * FROM "${table}" WHERE "${column}" = $1 AND deleted_at IS NULL ORDER BY id`, [value])).rows
}

/** Returns the ids of `emails.length` new carts, copies of `templateCartId`, one per e-mail. */
export async function cloneCart(db: Client, templateCartId: string, emails: string[]): Promise<string[]> {
  const count = emails.length
  const [cart] = await rowsOf(db, "cart", "id", templateCartId)
  if (!cart) throw new Error(`clone-carts: no cart ${templateCartId}`)
  const [link] = await rowsOf(db, "cart_payment_collection", "cart_id", templateCartId)
  if (!link) throw new Error(`clone-carts: cart ${templateCartId} has no payment collection`)
  const sessions = await rowsOf(db, "payment_session", "payment_collection_id", link.payment_collection_id as string)
  if (!sessions.length) throw new Error(`clone-carts: cart ${templateCartId} has no payment session`)

  await db.query("BEGIN")
  try {
    const cartIds = newIds(cart.id as string, count)
    const customerIds = newIds(cart.customer_id as string, count)
    await copyRow(db, "customer", cart.customer_id as string, { id: customerIds, email: emails })
    const shippingAddressIds = newIds(cart.shipping_address_id as string, count)
    const billingAddressIds = newIds(cart.billing_address_id as string, count)
    await copyRow(db, "cart_address", cart.shipping_address_id as string, { id: shippingAddressIds })
    await copyRow(db, "cart_address", cart.billing_address_id as string, { id: billingAddressIds })
    await copyRow(db, "cart", templateCartId, {
      id: cartIds,
      customer_id: customerIds,
      email: emails,
      shipping_address_id: shippingAddressIds,
      billing_address_id: billingAddressIds,
    })
    const children = [
      { table: "cart_line_item", taxTable: "cart_line_item_tax_line", taxKey: "item_id" },
      { table: "cart_shipping_method", taxTable: "cart_shipping_method_tax_line", taxKey: "shipping_method_id" },
    ]
    for (const { table, taxTable, taxKey } of children) {
      for (const child of await rowsOf(db, table, "cart_id", templateCartId)) {
        const childIds = newIds(child.id as string, count)
        await copyRow(db, table, child.id as string, { id: childIds, cart_id: cartIds })
        for (const taxLine of await rowsOf(db, taxTable, taxKey, child.id as string)) {
          await copyRow(db, taxTable, taxLine.id as string, { id: newIds(taxLine.id as string, count), [taxKey]: childIds })
        }
      }
    }
    const collectionIds = newIds(link.payment_collection_id as string, count)
    await copyRow(db, "payment_collection", link.payment_collection_id as string, { id: collectionIds })
    for (const session of sessions) {
      await copyRow(db, "payment_session", session.id as string, { id: newIds(session.id as string, count), payment_collection_id: collectionIds })
    }
    await copyRow(db, "cart_payment_collection", link.id as string, {
      id: newIds(link.id as string, count),
      cart_id: cartIds,
      payment_collection_id: collectionIds,
    })
    await db.query("COMMIT")
    return cartIds
  } catch (error) {
    await db.query("ROLLBACK")
    throw error
  }
}
