import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { partnersOf } from "../../../modules/async-fulfilment/types/side-effect"
import type { SideEffectJobDTO } from "../../../modules/async-fulfilment/side-effect-jobs/side-effect-job-dto"

export const includeDependentSideEffectsStepId = "include-dependent-side-effects"

/**
 * The mail attaches the invoice: retrying one of them also retries the other when it failed
 * too (a mail fails with its invoice), so they run again as one flow. Partners share the order
 * and the subject (a credit note's mail goes with that credit note's PDF job).
 */
export const includeDependentSideEffectsStep = createStep(
  includeDependentSideEffectsStepId,
  async (rows: SideEffectJobDTO[], { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const chosen = new Map(rows.map((row) => [row.id, row]))
    const partnersWanted = rows.filter((row) => partnersOf(row.kind).length)
    if (partnersWanted.length) {
      const siblings = await service.listSideEffectJobs({
        order_id: [...new Set(partnersWanted.map((row) => row.order_id))],
        kind: [...new Set(partnersWanted.flatMap((row) => [row.kind, ...partnersOf(row.kind)]))],
        status: "failed",
      })
      const flowOf = (row: SideEffectJobDTO) => JSON.stringify([row.order_id, row.subject ?? ""])
      const wantedFlows = new Set(partnersWanted.map(flowOf))
      for (const sibling of siblings.filter((row) => wantedFlows.has(flowOf(row)))) {
        chosen.set(sibling.id, sibling)
      }
    }
    return new StepResponse([...chosen.values()])
  }
)
