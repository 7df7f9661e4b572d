import { setTimeout as sleep } from "node:timers/promises"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"

export const settleCanceledOrderStepId = "settle-canceled-order"

export const CANCELED_BEFORE_INVOICING_NOTE = "the order was canceled before it was invoiced"

/** An invoice being rendered right now takes a second or two; past this the step gives up (and says so). */
export const INVOICING_WAIT = { everyMs: 250, forMs: 30_000 } as const

export interface SettledCanceledOrder {
  invoiced: boolean
  discarded_kinds: SideEffectKind[]
  /** not invoiced, but the ERP already has the order: it is told of the cancellation */
  erp_received: boolean
}

/**
 * A canceled order is either invoiced (a credit note follows) or its pending invoice, mail and
 * ERP jobs are discarded and no invoice is ever issued. An invoice job running at this moment
 * cannot be stopped: the step waits for it to finish, then looks again.
 */
export const settleCanceledOrderStep = createStep(
  settleCanceledOrderStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    const deadline = Date.now() + INVOICING_WAIT.forMs
    for (;;) {
      const settled = await service.settleCanceledOrder(order_id, CANCELED_BEFORE_INVOICING_NOTE)
      if (settled.state === "invoiced") {
        return new StepResponse<SettledCanceledOrder>({ invoiced: true, discarded_kinds: [], erp_received: false })
      }
      if (settled.state === "not_invoiced") {
        return new StepResponse<SettledCanceledOrder>({
          invoiced: false,
          discarded_kinds: settled.discarded_kinds,
          erp_received: settled.erp_received,
        })
      }
      if (Date.now() > deadline) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Order ${order_id} was canceled while its invoice was being issued, for longer than ${INVOICING_WAIT.forMs / 1000} s`
        )
      }
      await sleep(INVOICING_WAIT.everyMs)
    }
  }
)
