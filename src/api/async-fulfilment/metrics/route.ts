import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { checkMetricsAccess } from "../../utils/metrics-token"

/**
 * Prometheus text for a scraper holding the `metrics.token` option (`Authorization: Bearer …`):
 * outside /admin, so it needs no admin credential, and it serves nothing but the metrics. 401
 * without the token; 404 when the store configured none (the route is off).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: AsyncFulfilmentModuleService = req.scope.resolve(ASYNC_FULFILMENT_MODULE)
  const access = checkMetricsAccess(req.headers.authorization, service.getOptions().metrics?.token)
  if (access === "disabled") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Not found: set the plugin's metrics.token option to scrape here")
  }
  if (access === "refused") {
    res.setHeader("www-authenticate", 'Bearer realm="async-fulfilment-metrics"')
    res.status(401).json({ type: "unauthorized", message: "Unauthorized" })
    return
  }
  res.setHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
  res.setHeader("cache-control", "no-store")
  res.send(await service.getPrometheusMetrics())
}
