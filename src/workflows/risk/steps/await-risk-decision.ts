import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface RiskDecision {
  decision: "approved" | "rejected"
  decided_by: string | null
  note: string | null
}

export const awaitRiskDecisionStepId = "await-risk-decision"

/**
 * Parks the workflow (in the Redis workflow engine, so it survives restarts) until an admin
 * decides. It must return nothing: an async step that returns a StepResponse completes at once.
 */
export const awaitRiskDecisionStep = createStep(
  { name: awaitRiskDecisionStepId, async: true },
  async (_: { order_id: string }) => undefined as unknown as StepResponse<RiskDecision>
)
