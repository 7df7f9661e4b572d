import { model } from "@medusajs/framework/utils"

/** The order as placed (an OrderDocument), taken once so every retry renders the same thing. */
export const OrderSnapshot = model
  .define({ name: "order_snapshot", tableName: "af_order_snapshot" }, {
    id: model.id({ prefix: "afsnap" }).primaryKey(),
    order_id: model.text(),
    display_id: model.number(),
    currency_code: model.text(),
    schema_version: model.number(),
    document: model.json(),
  })
  .indexes([{ on: ["order_id"], unique: true, where: "deleted_at IS NULL" }])
