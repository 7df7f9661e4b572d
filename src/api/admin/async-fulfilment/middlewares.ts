import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  listAuditEntriesQueryConfig,
  listRiskReviewsQueryConfig,
  listSideEffectJobsQueryConfig,
  retrieveRiskReviewQueryConfig,
  retrieveSideEffectJobQueryConfig,
} from "./query-config"
import {
  AdminDecideRiskReview,
  AdminDiscardSideEffectJob,
  AdminGetRiskReviewsParams,
  AdminEmptyBody,
  AdminGetOneParams,
  AdminGetSideEffectJobsParams,
  AdminRetrySideEffectJobs,
  AdminRetrySideEffectJob,
  AdminResendOrderMail,
  AdminResyncOrderErp,
  AdminGetOrderAuditParams,
} from "./validators"

import { refuseFulfilmentUnderReview } from "./guards/refuse-fulfilment-under-review"
import { acceptBareRangeOperators } from "./helpers/accept-bare-range-operators"
import { requireJsonBody, STATE_CHANGING_METHODS } from "./helpers/require-json-body"
import { ROUTE_POLICIES } from "./route-policies"
import { DownloadFormatParams } from "../../utils/download-format-params"

const BASE = "/admin/async-fulfilment"

export const adminAsyncFulfilmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/fulfillments",
    middlewares: [refuseFulfilmentUnderReview],
  },
  {
    method: [...STATE_CHANGING_METHODS],
    matcher: `${BASE}/*`,
    middlewares: [requireJsonBody],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/jobs`,
    middlewares: [
      acceptBareRangeOperators("created_at"),
      validateAndTransformQuery(AdminGetSideEffectJobsParams, listSideEffectJobsQueryConfig),
    ],
    policies: ROUTE_POLICIES.readJobs,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/jobs/:id`,
    middlewares: [validateAndTransformQuery(AdminGetOneParams, retrieveSideEffectJobQueryConfig)],
    policies: ROUTE_POLICIES.readJobs,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/retry`,
    middlewares: [validateAndTransformBody(AdminRetrySideEffectJobs)],
    policies: ROUTE_POLICIES.changeJobs,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/:id/retry`,
    middlewares: [
      validateAndTransformBody(AdminRetrySideEffectJob),
      validateAndTransformQuery(AdminGetOneParams, retrieveSideEffectJobQueryConfig),
    ],
    policies: ROUTE_POLICIES.changeJobs,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/:id/discard`,
    middlewares: [
      validateAndTransformBody(AdminDiscardSideEffectJob),
      validateAndTransformQuery(AdminGetOneParams, retrieveSideEffectJobQueryConfig),
    ],
    policies: ROUTE_POLICIES.changeJobs,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/customers/:id/erase`,
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
    policies: ROUTE_POLICIES.erasePersonalData,
  },
  { method: ["GET"], matcher: `${BASE}/orders/:id/side-effects`, policies: ROUTE_POLICIES.readJobs },
  {
    method: ["POST"],
    matcher: `${BASE}/orders/:id/resend-mail`,
    middlewares: [validateAndTransformBody(AdminResendOrderMail)],
    policies: ROUTE_POLICIES.resendMail,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/orders/:id/resync-erp`,
    middlewares: [validateAndTransformBody(AdminResyncOrderErp)],
    policies: ROUTE_POLICIES.changeJobs,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/orders/:id/audit`,
    middlewares: [validateAndTransformQuery(AdminGetOrderAuditParams, listAuditEntriesQueryConfig)],
    policies: ROUTE_POLICIES.readAudit,
  },
  { method: ["GET"], matcher: `${BASE}/orders/:id/invoice`, policies: ROUTE_POLICIES.readInvoice },
  { method: ["GET"], matcher: `${BASE}/orders/:id/credit-notes`, policies: ROUTE_POLICIES.readInvoice },
  {
    method: ["GET"],
    matcher: `${BASE}/credit-notes/:id`,
    middlewares: [validateAndTransformQuery(DownloadFormatParams, {})],
    policies: ROUTE_POLICIES.readInvoice,
  },
  { method: ["GET"], matcher: `${BASE}/stats`, policies: ROUTE_POLICIES.readJobs },
  { method: ["GET"], matcher: `${BASE}/metrics`, policies: ROUTE_POLICIES.readJobs },
  {
    method: ["GET"],
    matcher: `${BASE}/reviews`,
    middlewares: [
      acceptBareRangeOperators("amount"),
      validateAndTransformQuery(AdminGetRiskReviewsParams, listRiskReviewsQueryConfig),
    ],
    policies: ROUTE_POLICIES.readReviews,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/reviews/:id`,
    middlewares: [validateAndTransformQuery(AdminGetOneParams, retrieveRiskReviewQueryConfig)],
    policies: ROUTE_POLICIES.readReviews,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/reviews/:id/approve`,
    middlewares: [
      validateAndTransformBody(AdminDecideRiskReview),
      validateAndTransformQuery(AdminGetOneParams, retrieveRiskReviewQueryConfig),
    ],
    policies: ROUTE_POLICIES.decideReviews,
  },
  {
    method: ["POST"],
    matcher: `${BASE}/reviews/:id/reject`,
    middlewares: [
      validateAndTransformBody(AdminDecideRiskReview),
      validateAndTransformQuery(AdminGetOneParams, retrieveRiskReviewQueryConfig),
    ],
    policies: ROUTE_POLICIES.decideReviews,
  },
]
