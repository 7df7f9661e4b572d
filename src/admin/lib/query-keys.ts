import type { JobListFilters } from "./types"

const root = ["async-fulfilment"] as const

/**
 * Query keys of the plugin's admin data, nested so one invalidation reaches every variant:
 * `jobs.all` covers each list and detail, `orders.all` each order's side effects.
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
  },
  stats: () => [...root, "stats"] as const,
}
