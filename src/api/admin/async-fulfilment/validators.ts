import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { RISK_REVIEW_STATUSES } from "../../../modules/async-fulfilment/models/risk-review"
import { SIDE_EFFECT_KINDS } from "../../../modules/async-fulfilment/types/side-effect"
import { SIDE_EFFECT_JOB_STATUSES as SIDE_EFFECT_STATUSES } from "../../../modules/async-fulfilment/side-effect-jobs/state-machine"
import type { JobStatus } from "./contract"

/** The row statuses, with `queued` shown as BullMQ does: `waiting`, or `delayed` until its retry. */
export const ADMIN_JOB_STATUSES = SIDE_EFFECT_STATUSES.flatMap((status): JobStatus[] =>
  status === "queued" ? ["waiting", "delayed"] : [status]
) as [JobStatus, ...JobStatus[]]

const dateRange = z
  .object({ gte: z.coerce.date().optional(), lte: z.coerce.date().optional() })
  .strict()

/** The most rows one page of a list returns. */
export const MAX_PAGE_SIZE = 100

const toInteger = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value)

/**
 * Medusa's `limit` and `offset` take any number: `limit=10000000` reads the whole table and a
 * negative one fails in SQL (500). Here both are integers, `limit` 1 to 100 and `offset` ≥ 0.
 */
const pageParams = {
  limit: z.preprocess(toInteger, z.number().int().min(1).max(MAX_PAGE_SIZE).optional().default(20)),
  offset: z.preprocess(toInteger, z.number().int().min(0).optional().default(0)),
}

export const AdminGetSideEffectJobsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  ...pageParams,
  kind: z.enum(SIDE_EFFECT_KINDS).optional(),
  status: z.enum(ADMIN_JOB_STATUSES).optional(),
  order_id: z.string().min(1).optional(),
  created_at: createOperatorMap(z.coerce.date()).optional(),
})
export type AdminGetSideEffectJobsParamsType = z.infer<typeof AdminGetSideEffectJobsParams>

/** `fields` for reading one job or one review */
export const AdminGetOneParams = createFindParams()
export type AdminGetOneParamsType = z.infer<typeof AdminGetOneParams>

export const AdminRetrySideEffectJobs = z
  .object({
    kind: z.enum(SIDE_EFFECT_KINDS).optional(),
    /** only failed jobs are retried in bulk; the field is accepted to say so explicitly */
    status: z.literal("failed").optional(),
    error_contains: z.string().min(1).max(500).optional(),
    created_at: dateRange.optional(),
    /** retry every failed job: required when no filter is given, so `{}` cannot do it by accident */
    all: z.literal(true).optional(),
    /** kept in each touched order's audit entry */
    note: z.string().max(2_000).optional(),
  })
  .strict()
  .refine(
    (body) => body.all || body.kind || body.error_contains || body.created_at?.gte || body.created_at?.lte,
    "give at least one filter (kind, error_contains, created_at.gte or created_at.lte), or all: true to retry every failed job"
  )
export type AdminRetrySideEffectJobsType = z.infer<typeof AdminRetrySideEffectJobs>

export const AdminDiscardSideEffectJob = z
  .object({ note: z.string().max(2_000).optional() })
  .strict()
export type AdminDiscardSideEffectJobType = z.infer<typeof AdminDiscardSideEffectJob>

export const AdminGetRiskReviewsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  ...pageParams,
  status: z.enum(RISK_REVIEW_STATUSES).optional(),
  order_id: z.string().min(1).optional(),
  currency_code: z.string().regex(/^[a-z]{3}$/, "a lower-case ISO 4217 code").optional(),
  amount: createOperatorMap(z.coerce.number()).optional(),
})
export type AdminGetRiskReviewsParamsType = z.infer<typeof AdminGetRiskReviewsParams>

export const AdminDecideRiskReview = z.object({ note: z.string().max(2_000).optional() }).strict()
export type AdminDecideRiskReviewType = z.infer<typeof AdminDecideRiskReview>

/** Single-job actions take no body; anything sent is refused rather than ignored. */
export const AdminEmptyBody = z.object({}).strict()

/** An admin's note on an action, kept in the audit trail. */
const note = z.string().max(2_000).optional()

export const AdminRetrySideEffectJob = z.object({ note }).strict()
export type AdminRetrySideEffectJobType = z.infer<typeof AdminRetrySideEffectJob>

export const AdminResendOrderMail = z
  .object({ to: z.string().trim().email("`to` must be an e-mail address").max(320).optional(), note })
  .strict()
export type AdminResendOrderMailType = z.infer<typeof AdminResendOrderMail>

export const AdminResyncOrderErp = z.object({ note }).strict()
export type AdminResyncOrderErpType = z.infer<typeof AdminResyncOrderErp>

export const AdminGetOrderAuditParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" }).extend({
  ...pageParams,
  limit: z.preprocess(toInteger, z.number().int().min(1).max(MAX_PAGE_SIZE).optional().default(50)),
})
export type AdminGetOrderAuditParamsType = z.infer<typeof AdminGetOrderAuditParams>
