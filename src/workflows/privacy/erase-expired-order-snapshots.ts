import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { eraseExpiredOrderSnapshotsStep } from "./steps"

export const eraseExpiredOrderSnapshotsWorkflowId = "erase-expired-order-snapshots"

/** One batch of `retention.orderSnapshots`; the scheduled job runs it until a batch comes back short. */
export const eraseExpiredOrderSnapshotsWorkflow = createWorkflow(
  eraseExpiredOrderSnapshotsWorkflowId,
  (input: { limit: number }) => {
    const orderIds = eraseExpiredOrderSnapshotsStep({ limit: input.limit })
    return new WorkflowResponse({ order_ids: orderIds })
  }
)
