import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileSideEffectsWorkflow } from "../workflows"

/** Every minute (ASYNC_FULFILMENT_RECONCILE_CRON to change it): re-drive what the pipeline lost. */
export default async function reconcileSideEffectsJob(container: MedusaContainer) {
  const { result } = await reconcileSideEffectsWorkflow(container).run()
  const found =
    result.scheduled_orders.length + result.credited_events.length + result.requeued_jobs.length + result.failed_jobs.length
  if (found) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `[async-fulfilment] reconcile: ${result.scheduled_orders.length} order(s) scheduled, ` +
          `${result.credited_events.length} lost refund/cancellation/return event(s) handled, ` +
          `${result.requeued_jobs.length} lost job(s) requeued, ${result.failed_jobs.length} marked failed`
      )
  }
}

export const config = {
  name: "async-fulfilment-reconcile",
  schedule: process.env.ASYNC_FULFILMENT_RECONCILE_CRON ?? "* * * * *",
}
