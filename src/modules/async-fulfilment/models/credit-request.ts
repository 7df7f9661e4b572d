import { model } from "@medusajs/framework/utils"

/**
 * Something that may need a credit note, recorded when its event arrives: a refund of one of the
 * order's payments, or a received return. Its `invoice` side-effect job (subject = this id)
 * settles it: issues the credit note (with its PDF, mail and ERP jobs), or records why none is
 * due (a cancellation's or return's credit note already takes it back, the order was never
 * invoiced). `source_key` ("refund:<refund id>", "return:<return id>") makes a repeated event,
 * or the reconciler finding it again, record nothing new.
 */
export const CreditRequest = model
  .define({ name: "credit_request", tableName: "af_credit_request" }, {
    id: model.id({ prefix: "afcr" }).primaryKey(),
    order_id: model.text(),
    source_key: model.text(),
    reason: model.enum(["refund", "return"]),
    /** refund: { refund_id, payment_id, amount }; return: { return_id, lines: [{ item_id, quantity }] } */
    details: model.json(),
    /** the order was canceled when the event was handled: Medusa's cancel refunds what was captured */
    order_canceled: model.boolean().default(false),
    /** null until settled: credited, absorbed (by a cancellation or a return), not_invoiced */
    outcome: model.text().nullable(),
    credit_note_id: model.text().nullable(),
    /** the part of a refund a return's or cancellation's credit note already took back, in minor units */
    absorbed_minor: model.number().default(0),
    absorbed_by: model.text().nullable(),
  })
  .indexes([
    { on: ["source_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
