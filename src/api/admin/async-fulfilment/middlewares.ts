import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listSideEffectJobsQueryConfig, retrieveSideEffectJobQueryConfig } from "./query-config"
import {
  AdminDiscardSideEffectJob,
  AdminEmptyBody,
  AdminGetSideEffectJobParams,
  AdminGetSideEffectJobsParams,
  AdminRetrySideEffectJobs,
} from "./validators"

const BASE = "/admin/async-fulfilment"

export const adminAsyncFulfilmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: `${BASE}/jobs`,
    middlewares: [validateAndTransformQuery(AdminGetSideEffectJobsParams, listSideEffectJobsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/jobs/:id`,
    middlewares: [validateAndTransformQuery(AdminGetSideEffectJobParams, retrieveSideEffectJobQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/retry`,
    middlewares: [validateAndTransformBody(AdminRetrySideEffectJobs)],
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/:id/retry`,
    middlewares: [
      validateAndTransformBody(AdminEmptyBody),
      validateAndTransformQuery(AdminGetSideEffectJobParams, retrieveSideEffectJobQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: `${BASE}/jobs/:id/discard`,
    middlewares: [
      validateAndTransformBody(AdminDiscardSideEffectJob),
      validateAndTransformQuery(AdminGetSideEffectJobParams, retrieveSideEffectJobQueryConfig),
    ],
  },
]
