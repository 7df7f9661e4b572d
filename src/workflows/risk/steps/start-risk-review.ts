import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reviewRiskyOrderWorkflowId } from "../review-risky-order-id"

export const startRiskReviewStepId = "start-risk-review"

/**
 * Starts the review's long-running workflow through the workflow engine (so its parked state
 * lives in Redis and Postgres and survives a restart), with the review id as transaction id.
 * It gets a run id of its own: inheriting this workflow's would let this workflow's cleanup,
 * when it finishes, delete the parked execution's record.
 */
export const startRiskReviewStep = createStep(
  startRiskReviewStepId,
  async ({ order_id, review_id, created }: { order_id: string; review_id: string; created: boolean }, { container }) => {
    if (created) {
      const engine = container.resolve(Modules.WORKFLOW_ENGINE)
      await engine.run(reviewRiskyOrderWorkflowId, {
        input: { order_id },
        transactionId: review_id,
        context: { runId: generateEntityId(undefined, "run") },
      })
    }
    return new StepResponse(created)
  }
)
