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

export const AdminGetSideEffectJobsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
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
  })
  .strict()
export type AdminRetrySideEffectJobsType = z.infer<typeof AdminRetrySideEffectJobs>

export const AdminDiscardSideEffectJob = z
  .object({ note: z.string().max(2_000).optional() })
  .strict()
export type AdminDiscardSideEffectJobType = z.infer<typeof AdminDiscardSideEffectJob>

export const AdminGetRiskReviewsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
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
