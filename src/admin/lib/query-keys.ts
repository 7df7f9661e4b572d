import type { JobListFilters, RiskReviewListFilters } from "../../api/admin/async-fulfilment/contract"

const root = ["async-fulfilment"] as const

/**
 * Query keys of the plugin's admin data, nested so one invalidation reaches every variant:
 * `jobs.all` covers each list and detail, `orders.all` each order's side effects, credit notes and audit trail, `reviews.all`
 * each review list and each order's review.
 */
export const asyncFulfilmentKeys = {
  all: root,
  jobs: {
    all: [...root, "jobs"] as const,
    lists: () => [...root, "jobs", "list"] as const,
    list: (filters: JobListFilters) => [...root, "jobs", "list", filters] as const,
    detail: (id: string) => [...root, "jobs", "detail", id] as const,
  },
  orders: {
    all: [...root, "orders"] as const,
    sideEffects: (orderId: string) => [...root, "orders", orderId, "side-effects"] as const,
    creditNotes: (orderId: string) => [...root, "orders", orderId, "credit-notes"] as const,
    audit: (orderId: string) => [...root, "orders", orderId, "audit"] as const,
  },
  reviews: {
    all: [...root, "reviews"] as const,
    lists: () => [...root, "reviews", "list"] as const,
    list: (filters: RiskReviewListFilters) => [...root, "reviews", "list", filters] as const,
    byOrder: (orderId: string) => [...root, "reviews", "order", orderId] as const,
  },
  stats: () => [...root, "stats"] as const,
}

/** The dashboard's own key of an order's details (`ordersQueryKeys.detail`): a rejection cancels the order. */
export const dashboardOrderKey = (orderId: string) => ["orders", "detail", orderId] as const
