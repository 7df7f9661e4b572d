import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { JobDetailResponse } from "../../contract"
import { readAdminJobDetails } from "../../helpers/read-admin-job-detail"

export const GET = async (req: MedusaRequest, res: MedusaResponse<JobDetailResponse>) => {
  const [job] = await readAdminJobDetails(req.scope, [req.params.id], req.queryConfig.fields)
  res.json({ job })
}
