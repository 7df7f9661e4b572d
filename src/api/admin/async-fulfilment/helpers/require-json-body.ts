import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UnsupportedMediaTypeError } from "../../../../modules/async-fulfilment/errors/unsupported-media-type-error"

/** The methods that change something; GET and HEAD stay open to links and downloads. */
export const STATE_CHANGING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const

/**
 * CSRF guard: Medusa's session cookie is SameSite=None in production and its body parser reads
 * urlencoded forms, so a page on another site could post to these routes with a signed-in
 * admin's cookie. A cross-site request can only be `application/json` after a CORS preflight,
 * which the admin CORS list refuses: requiring that type (even for an empty body) closes it.
 */
export function requireJsonBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const contentType = req.headers["content-type"]
  const mediaType = contentType?.split(";")[0].trim().toLowerCase()
  if (mediaType !== "application/json") {
    return next(new UnsupportedMediaTypeError(contentType))
  }
  next()
}
