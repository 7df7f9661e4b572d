import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ASYNC_FULFILMENT_MODULE } from "../../../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../../../modules/async-fulfilment/service"
import type { JobDetailResponse } from "../../contract"
import { toAdminJob } from "../../helpers/to-admin-job"

export const GET = async (req: MedusaRequest, res: MedusaResponse<JobDetailResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "side_effect_job", fields: req.queryConfig.fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const row = data[0]
  const service: AsyncFulfilmentModuleService = req.scope.resolve(ASYNC_FULFILMENT_MODULE)
  const queueJob = await service.describeQueueJob(row.kind, row.order_id, row.subject ?? "")
  res.json({
    job: {
      ...toAdminJob(row),
      error_history: row.error_history ?? [],
      event_id: row.event_id ?? null,
      payload: queueJob?.payload ?? null,
      queue: queueJob?.queue ?? null,
    },
  })
}
