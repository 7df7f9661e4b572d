import { setTimeout as sleep } from "node:timers/promises"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reviewRiskyOrderWorkflowId } from "../review-risky-order-id"
import { awaitRiskDecisionStepId, RiskDecision } from "./await-risk-decision"
import type { DecideRiskReviewStepInput } from "./record-risk-decision"

export const resumeRiskReviewStepId = "resume-risk-review"

/** The review row is written a moment before its workflow parks at the decision step: a decision that quick waits for it. */
export const PARKING_WAIT = { everyMs: 200, forMs: 5_000 } as const

const NOT_PARKED_YET = /status is idle|could not be found/i

async function resumeOnceParked<T>(resume: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + PARKING_WAIT.forMs
  for (;;) {
    try {
      return await resume()
    } catch (error) {
      if (!NOT_PARKED_YET.test((error as Error).message) || Date.now() > deadline) {
        throw error
      }
      await sleep(PARKING_WAIT.everyMs)
    }
  }
}

/**
 * Hands the decision to the parked review workflow, which releases or cancels the order.
 *
 * The engine throws only when it did not take the decision (no parked run, or not waiting):
 * for a few seconds that is the run still on its way to the decision step (an admin quicker
 * than the engine); after that this step fails with 409 and the recorded decision is taken back. Once taken, the decision
 * stands: a failure in the branch it started (a cancellation the payment provider refused)
 * is logged, never undone here, since that branch may already have run side effects.
 */
export const resumeRiskReviewStep = createStep(
  resumeRiskReviewStepId,
  async (input: DecideRiskReviewStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const decision: RiskDecision = { decision: input.decision, decided_by: input.decided_by, note: input.note }
    const resume = () =>
      engine.setStepSuccess({
        idempotencyKey: {
          action: "invoke",
          transactionId: input.review_id,
          stepId: awaitRiskDecisionStepId,
          workflowId: reviewRiskyOrderWorkflowId,
        },
        stepResponse: decision,
        options: { throwOnError: false },
      })
    const { errors } = await resumeOnceParked<{ errors?: unknown[] }>(resume).catch((error: Error) => {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Risk review ${input.review_id}: its review workflow did not take the decision (${error.message}); the review stays pending`
      )
    })
    if (errors?.length) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(
          `[async-fulfilment] risk review ${input.review_id} was ${input.decision}, but what followed failed: ` +
            errors.map((e: { error?: { message?: string } }) => e.error?.message ?? String(e)).join("; ")
        )
    }
    return new StepResponse(decision)
  }
)
