import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ASYNC_FULFILMENT_MODULE } from "../../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../../modules/async-fulfilment/service"
import type { AdminSideEffectJobDetail } from "../contract"
import { retrieveSideEffectJobQueryConfig } from "../query-config"
import { toAdminJob } from "./to-admin-job"

/** These jobs as GET /admin/async-fulfilment/jobs/:id shows one: the row, its error history, and what BullMQ holds. */
export async function readAdminJobDetails(
  scope: MedusaContainer,
  ids: string[],
  fields: string[] = retrieveSideEffectJobQueryConfig.defaults
): Promise<AdminSideEffectJobDetail[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "side_effect_job", fields, filters: { id: ids } },
    { throwIfKeyNotFound: true }
  )
  const service: AsyncFulfilmentModuleService = scope.resolve(ASYNC_FULFILMENT_MODULE)
  const byId = new Map(data.map((row: any) => [row.id, row]))
  return Promise.all(
    ids.map(async (id) => {
      const row = byId.get(id)
      const queueJob = await service.describeQueueJob(row.kind, row.order_id, row.subject ?? "")
      return {
        ...toAdminJob(row),
        error_history: row.error_history ?? [],
        event_id: row.event_id ?? null,
        payload: queueJob?.payload ?? null,
        queue: queueJob?.queue ?? null,
      }
    })
  )
}
