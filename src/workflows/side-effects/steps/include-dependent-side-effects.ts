import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"
import type { SideEffectJobRecord } from "../../../modules/async-fulfilment/types/side-effect-job-record"

export const includeDependentSideEffectsStepId = "include-dependent-side-effects"

const partner: Partial<Record<SideEffectKind, SideEffectKind>> = { invoice: "mail", mail: "invoice" }

/**
 * The mail attaches the invoice: retrying one of them also retries the other when it failed
 * too (a mail fails with its invoice), so they run again as one flow.
 */
export const includeDependentSideEffectsStep = createStep(
  includeDependentSideEffectsStepId,
  async (rows: SideEffectJobRecord[], { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const chosen = new Map(rows.map((row) => [row.id, row]))
    const partnersWanted = rows.filter((row) => partner[row.kind])
    if (partnersWanted.length) {
      const siblings = await service.listSideEffectJobs({
        order_id: [...new Set(partnersWanted.map((row) => row.order_id))],
        kind: ["invoice", "mail"],
        status: "failed",
      })
      for (const sibling of siblings) {
        chosen.set(sibling.id, sibling)
      }
    }
    return new StepResponse([...chosen.values()])
  }
)
