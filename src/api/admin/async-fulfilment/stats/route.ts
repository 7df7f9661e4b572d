import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StatsResponse } from "../contract"
import { ASYNC_FULFILMENT_MODULE } from "../../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../../modules/async-fulfilment/service"

export const GET = async (req: MedusaRequest, res: MedusaResponse<StatsResponse>) => {
  const service: AsyncFulfilmentModuleService = req.scope.resolve(ASYNC_FULFILMENT_MODULE)
  res.json({ kinds: await service.getSideEffectStats(), generated_at: new Date().toISOString() })
}
