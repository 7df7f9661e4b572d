import { model } from "@medusajs/framework/utils"

/** An issued invoice: its number is allocated once per order and never reused. */
export const Invoice = model
  .define({ name: "invoice", tableName: "af_invoice" }, {
    id: model.id({ prefix: "afinv" }).primaryKey(),
    order_id: model.text(),
    number: model.text(),
    sequence_scope: model.text(),
    sequence_value: model.number(),
    issued_at: model.dateTime(),
    file_id: model.text().nullable(),
    file_url: model.text().nullable(),
    /** the invoice model as issued (invoice/model/invoice-model.ts): every XML and PDF rendering comes from it */
    model: model.json().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
  ])
