import { createStep, createWorkflow, StepResponse, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ASYNC_FULFILMENT_MODULE } from "../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../modules/async-fulfilment/service"
import { sendReviewNoticeStep } from "../steps/send-review-notice"

export interface RiskDecision {
  decision: "approved" | "rejected"
  decided_by: string | null
  note: string | null
}

export const reviewRiskyOrderWorkflowId = "review-risky-order"
export const awaitRiskDecisionStepId = "await-risk-decision"

/**
 * Parks the workflow (in the Redis workflow engine, so it survives restarts) until an admin
 * decides. It must return nothing: an async step that returns a StepResponse completes at once.
 */
const awaitRiskDecisionStep = createStep(
  { name: awaitRiskDecisionStepId, async: true },
  async (_: { order_id: string }) => undefined as unknown as StepResponse<RiskDecision>
)

const releaseHeldSideEffectsStep = createStep(
  "release-held-side-effects",
  async ({ order_id }: { order_id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    return new StepResponse(await service.releaseHeldSideEffects(order_id))
  }
)

const discardHeldSideEffectsStep = createStep(
  "discard-held-side-effects",
  async ({ order_id }: { order_id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    await service.discardHeldSideEffects(order_id, "the order was rejected in risk review")
    return new StepResponse(undefined)
  }
)

/**
 * The long-running half of a risk review, one run per review (transaction id = review id):
 * approved → the held side effects run as for any order; rejected → Medusa cancels the order
 * (releasing or refunding the payment as it does) and no invoice or ERP call is ever made.
 */
export const reviewRiskyOrderWorkflow = createWorkflow(
  // stored: the Redis engine keeps a parked execution in Postgres too, where the decision finds it
  { name: reviewRiskyOrderWorkflowId, store: true },
  (input: { order_id: string }) => {
  const decision = awaitRiskDecisionStep(input)
  when({ decision }, ({ decision }) => decision?.decision === "approved").then(() => {
    releaseHeldSideEffectsStep({ order_id: input.order_id })
  })
  when({ decision }, ({ decision }) => decision?.decision === "rejected").then(() => {
    cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
    discardHeldSideEffectsStep({ order_id: input.order_id })
    sendReviewNoticeStep({ order_id: input.order_id, notice: "review_rejected" })
  })
  return new WorkflowResponse(decision)
  }
)
