import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toAdminJob } from "./to-admin-job"

/** Reads one job back through query after a workflow changed it. */
export async function refetchAdminJob(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "side_effect_job", fields, filters: { id } }, { throwIfKeyNotFound: true })
  return toAdminJob(data[0])
}
