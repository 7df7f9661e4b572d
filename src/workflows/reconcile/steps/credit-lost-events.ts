import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { ReconcileLease } from "../../../modules/async-fulfilment/service"
import { cancelOrderSideEffectsWorkflowId } from "../../cancellation/cancel-order-side-effects"
import { creditPaymentRefundsWorkflowId } from "../../refund/credit-payment-refunds"
import { creditReceivedReturnWorkflowId } from "../../refund/credit-received-return"
import type { LostCreditEvents } from "./find-lost-credit-events"

export const creditLostEventsStepId = "credit-lost-events"

export interface CreditLostEventsStepInput {
  lost: LostCreditEvents
  lease: ReconcileLease
}

/**
 * Sends each lost refund, cancellation and return down the path its event takes, one workflow run
 * each through the engine (one failing does not stop the rest), renewing the lease before each.
 */
export const creditLostEventsStep = createStep(
  creditLostEventsStepId,
  async ({ lost, lease }: CreditLostEventsStepInput, { container }) => {
    const engine = container.resolve(Modules.WORKFLOW_ENGINE)
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const runs: [string, Record<string, unknown>][] = [
      ...lost.canceled_order_ids.map((id): [string, Record<string, unknown>] => [cancelOrderSideEffectsWorkflowId, { order_id: id }]),
      ...lost.return_ids.map((id): [string, Record<string, unknown>] => [creditReceivedReturnWorkflowId, { return_id: id }]),
      ...lost.payment_ids.map((id): [string, Record<string, unknown>] => [creditPaymentRefundsWorkflowId, { payment_id: id }]),
    ]
    const credited: string[] = []
    for (const [workflowId, input] of runs) {
      if (!(await service.renewReconcileLock(lease.token, lease.ttl_ms))) {
        break
      }
      const run = await engine.run(workflowId, { input: { ...input, event_id: "reconcile" }, throwOnError: false })
      if (!run.errors?.length) {
        credited.push(String(Object.values(input)[0]))
      }
    }
    return new StepResponse(credited)
  }
)
