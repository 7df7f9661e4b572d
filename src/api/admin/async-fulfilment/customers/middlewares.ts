import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminEmptyBody } from "../validators"

export const adminCustomerErasureMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/async-fulfilment/customers/:id/erase",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
]
