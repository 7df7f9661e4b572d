import { model } from "@medusajs/framework/utils"

/**
 * The last number handed out in a scope (prefix + year). Incremented in the same transaction
 * that inserts the invoice, so a rolled-back allocation leaves no gap.
 */
export const InvoiceSequence = model
  .define({ name: "invoice_sequence", tableName: "af_invoice_sequence" }, {
    id: model.id({ prefix: "afseq" }).primaryKey(),
    scope: model.text(),
    last_value: model.number().default(0),
  })
  .indexes([{ on: ["scope"], unique: true, where: "deleted_at IS NULL" }])
