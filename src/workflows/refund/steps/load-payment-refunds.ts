import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCreditRequest } from "../../../modules/async-fulfilment/db/credit-requests"

export const loadPaymentRefundsStepId = "load-payment-refunds"

/** The source of a refund's credit note (and of its credit request): one per Medusa refund. */
export const refundSourceKey = (refundId: string) => `refund:${refundId}`

interface RefundOfPayment {
  id: string
  amount: number | string | { toString(): string }
}

/**
 * Every refund of the payment (`payment.refunded` names the payment, not the refund) with its
 * order and whether that order is canceled, as credit requests. A payment of no order (a draft
 * order's, a cart's) gives none.
 */
export const loadPaymentRefundsStep = createStep(
  loadPaymentRefundsStepId,
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "payment",
      fields: ["id", "refunds.id", "refunds.amount", "payment_collection.order.id", "payment_collection.order.status"],
      filters: { id: payment_id },
    })
    const payment = data[0] as
      | { id: string; refunds?: RefundOfPayment[]; payment_collection?: { order?: { id: string; status: string } | null } | null }
      | undefined
    const order = payment?.payment_collection?.order
    if (!payment || !order) {
      return new StepResponse<NewCreditRequest[]>([])
    }
    const requests = (payment.refunds ?? []).map(
      (refund): NewCreditRequest => ({
        order_id: order.id,
        source_key: refundSourceKey(refund.id),
        reason: "refund",
        details: { refund_id: refund.id, payment_id: payment.id, amount: Number(refund.amount.toString()) },
        order_canceled: order.status === "canceled",
      })
    )
    return new StepResponse(requests)
  }
)
