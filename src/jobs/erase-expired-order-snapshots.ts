import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eraseExpiredOrderSnapshotsWorkflow } from "../workflows"

const BATCH = 500
// a day's worth at most, so one run never holds the database for long
const MAX_BATCHES = 200

/** Daily (ASYNC_FULFILMENT_RETENTION_CRON to change it): applies `retention.orderSnapshots`. */
export default async function eraseExpiredOrderSnapshotsJob(container: MedusaContainer) {
  let erased = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { result } = await eraseExpiredOrderSnapshotsWorkflow(container).run({ input: { limit: BATCH } })
    erased += result.order_ids.length
    if (result.order_ids.length < BATCH) {
      break
    }
  }
  if (erased) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`[async-fulfilment] retention: personal fields of ${erased} order snapshot(s) erased`)
  }
}

export const config = {
  name: "async-fulfilment-order-snapshot-retention",
  schedule: process.env.ASYNC_FULFILMENT_RETENTION_CRON ?? "17 3 * * *",
}
