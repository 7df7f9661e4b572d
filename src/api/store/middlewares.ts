import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

/**
 * The storefront's routes of the plugin. A customer reads only their own invoices: the route
 * needs the customer's session or bearer token (401 otherwise) and checks the order's owner.
 */
export const storeAsyncFulfilmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/orders/:id/invoice",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
