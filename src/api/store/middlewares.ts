import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { DownloadFormatParams } from "../utils/download-format-params"

/**
 * The storefront's routes of the plugin. A customer reads only their own invoices: the routes
 * need the customer's session or bearer token (401 otherwise) and check the order's owner; the
 * credit-note route also that the credit note belongs to that order.
 */
export const storeAsyncFulfilmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/orders/:id/invoice",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/credit-notes/:credit_note_id",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(DownloadFormatParams, {})],
  },
]
