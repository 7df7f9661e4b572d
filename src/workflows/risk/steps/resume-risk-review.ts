import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reviewRiskyOrderWorkflowId } from "../review-risky-order-id"
import { awaitRiskDecisionStepId, RiskDecision } from "./await-risk-decision"
import type { DecideRiskReviewStepInput } from "./record-risk-decision"

export const resumeRiskReviewStepId = "resume-risk-review"

/** Hands the decision to the parked review workflow, which releases or cancels the order. */
export const resumeRiskReviewStep = createStep(
  resumeRiskReviewStepId,
  async (input: DecideRiskReviewStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const decision: RiskDecision = { decision: input.decision, decided_by: input.decided_by, note: input.note }
    await engine.setStepSuccess({
      idempotencyKey: {
        action: "invoke",
        transactionId: input.review_id,
        stepId: awaitRiskDecisionStepId,
        workflowId: reviewRiskyOrderWorkflowId,
      },
      stepResponse: decision,
    })
    return new StepResponse(decision)
  }
)
