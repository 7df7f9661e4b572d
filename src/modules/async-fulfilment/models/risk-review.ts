import { model } from "@medusajs/framework/utils"

export const RISK_REVIEW_STATUSES = ["pending", "approved", "rejected"] as const
export type RiskReviewStatus = (typeof RISK_REVIEW_STATUSES)[number]

/** A B2B order over its currency's threshold, waiting for (or decided by) an admin. */
export const RiskReview = model
  .define({ name: "risk_review", tableName: "af_risk_review" }, {
    id: model.id({ prefix: "afrev" }).primaryKey(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    amount: model.float(),
    currency_code: model.text(),
    threshold: model.float(),
    /** why the order counts as B2B: `customer_group:…`, `metadata:…`, `company_name` */
    reasons: model.json(),
    customer_name: model.text().nullable(),
    company_name: model.text().nullable(),
    status: model.enum([...RISK_REVIEW_STATUSES]).default("pending"),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    note: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "created_at"] },
  ])
