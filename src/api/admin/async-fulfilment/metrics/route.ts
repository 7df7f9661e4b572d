import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ASYNC_FULFILMENT_MODULE } from "../../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../../modules/async-fulfilment/service"

/** Prometheus text format; scrape it with an admin secret API key (Basic auth). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: AsyncFulfilmentModuleService = req.scope.resolve(ASYNC_FULFILMENT_MODULE)
  res.setHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
  res.send(await service.getPrometheusMetrics())
}
