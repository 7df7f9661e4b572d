import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { JobListResponse } from "../contract"
import { buildJobFilters } from "../helpers/job-filters"
import { toAdminJob } from "../helpers/to-admin-job"
import type { AdminGetSideEffectJobsParamsType } from "../validators"

export const GET = async (req: MedusaRequest<unknown, AdminGetSideEffectJobsParamsType>, res: MedusaResponse<JobListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "side_effect_job",
    fields: req.queryConfig.fields,
    filters: buildJobFilters(req.filterableFields),
    pagination: req.queryConfig.pagination,
  })
  res.json({
    jobs: data.map((row) => toAdminJob(row)),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
