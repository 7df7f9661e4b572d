import { model } from "@medusajs/framework/utils"

/**
 * An issued credit note: corrects one invoice (a cancellation, a refund), numbered in its own
 * gap-free series. `source_key` names what caused it ("cancel:<order id>", "refund:<refund id>"),
 * so a repeated event finds its credit note instead of issuing a second one.
 */
export const CreditNote = model
  .define({ name: "credit_note", tableName: "af_credit_note" }, {
    id: model.id({ prefix: "afcn" }).primaryKey(),
    order_id: model.text(),
    invoice_id: model.text(),
    number: model.text(),
    sequence_scope: model.text(),
    sequence_value: model.number(),
    issued_at: model.dateTime(),
    reason: model.enum(["cancellation", "refund", "return"]),
    source_key: model.text(),
    /** the credit note as issued (an InvoiceModel of type 381): every rendering comes from it */
    model: model.json(),
    file_id: model.text().nullable(),
    file_url: model.text().nullable(),
  })
  .indexes([
    { on: ["source_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["invoice_id"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
