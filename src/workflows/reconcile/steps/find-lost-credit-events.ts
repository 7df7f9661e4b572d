import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import { refundSourceKey } from "../../refund/steps/load-payment-refunds"
import {
  RECEIVED_RETURN_FIELDS,
  ReceivedReturn,
  receivedLinesOf,
  returnSourceKey,
  unitsOf,
} from "../../refund/steps/load-received-return"

export const findLostCreditEventsStepId = "find-lost-credit-events"

export interface LostCreditEvents {
  /** payments with a refund that has no credit request: their payment.refunded was lost */
  payment_ids: string[]
  /** canceled orders that were invoiced and have no cancellation credit note: their order.canceled was lost */
  canceled_order_ids: string[]
  /** received returns without a credit request: their order.return_received was lost */
  return_ids: string[]
}

const unique = (values: string[]) => [...new Set(values)]

/**
 * In the lookback window, older than the grace period (the event may still be on its way; a race
 * with it is harmless, both paths being idempotent): refunds, cancellations and received returns
 * that the plugin never recorded. At most `batchSize` of each.
 */
export const findLostCreditEventsStep = createStep(findLostCreditEventsStepId, async (_: void, { container }) => {
  const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { graceSeconds, lookbackHours, batchSize } = service.getOptions().reconcile
  const now = Date.now()
  const window = { $gte: new Date(now - lookbackHours * 3_600_000), $lte: new Date(now - graceSeconds * 1_000) }

  const { data: refunds } = await query.graph({ entity: "refund", fields: ["id", "payment_id"], filters: { created_at: window } })
  const { data: canceled } = await query.graph({ entity: "order", fields: ["id"], filters: { status: "canceled", canceled_at: window } })
  const { data: received } = await query.graph({ entity: "return", fields: RECEIVED_RETURN_FIELDS, filters: { received_at: window } })
  const returns = (received as ReceivedReturn[]).map((found) => ({ id: found.id, key: returnSourceKey(found.id, unitsOf(receivedLinesOf(found))) }))

  const recorded = new Set(
    (
      await service.findCreditRequestsBySourceKeys([
        ...refunds.map((refund: { id: string }) => refundSourceKey(refund.id)),
        ...returns.map((found) => found.key),
      ])
    ).map((row) => row.source_key)
  )
  const lostRefunds = refunds.filter((refund: { id: string }) => !recorded.has(refundSourceKey(refund.id)))
  return new StepResponse<LostCreditEvents>({
    payment_ids: unique(lostRefunds.map((refund: { payment_id: string }) => refund.payment_id)).slice(0, batchSize),
    canceled_order_ids: (await service.findInvoicedWithoutCancellationCreditNote(canceled.map((order: { id: string }) => order.id))).slice(0, batchSize),
    return_ids: returns
      .filter((found) => !recorded.has(found.key))
      .map((found) => found.id)
      .slice(0, batchSize),
  })
})
