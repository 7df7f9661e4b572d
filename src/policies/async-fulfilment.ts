import { definePolicies, PolicyOperation } from "@medusajs/framework/utils"

/**
 * The plugin's RBAC resources. With Medusa's RBAC on (`MEDUSA_FF_RBAC=true`) a role needs these
 * to use the plugin's admin routes: `read` to list and inspect jobs, reviews, stats and metrics,
 * `update` to retry or discard jobs and to decide reviews. An operator role with the two `read`
 * policies sees everything and changes nothing. Medusa syncs them to the database at boot.
 */
export const ASYNC_FULFILMENT_RESOURCES = {
  job: "async_fulfilment_job",
  review: "async_fulfilment_review",
} as const

export const asyncFulfilmentPolicies = definePolicies([
  {
    name: "ReadAsyncFulfilmentJob",
    resource: ASYNC_FULFILMENT_RESOURCES.job,
    operation: PolicyOperation.read,
    description: "See side-effect jobs, their errors, stats and metrics",
  },
  {
    name: "UpdateAsyncFulfilmentJob",
    resource: ASYNC_FULFILMENT_RESOURCES.job,
    operation: PolicyOperation.update,
    description: "Retry or discard side-effect jobs",
  },
  {
    name: "ReadAsyncFulfilmentReview",
    resource: ASYNC_FULFILMENT_RESOURCES.review,
    operation: PolicyOperation.read,
    description: "See risk reviews of held orders",
  },
  {
    name: "UpdateAsyncFulfilmentReview",
    resource: ASYNC_FULFILMENT_RESOURCES.review,
    operation: PolicyOperation.update,
    description: "Approve or reject held orders",
  },
])
