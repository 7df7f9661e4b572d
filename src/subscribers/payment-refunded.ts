import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creditPaymentRefundsWorkflow } from "../workflows"

/** A refunded payment: each of its refunds not credited yet gets a credit note (through its job). */
export default async function creditRefundsOnPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const paymentId = event.data?.id
  if (typeof paymentId !== "string" || !paymentId) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`[async-fulfilment] ignored a payment.refunded event without a payment id`)
    return
  }
  const eventId = (event.metadata?.eventGroupId as string | undefined) ?? null
  await creditPaymentRefundsWorkflow(container).run({ input: { payment_id: paymentId, event_id: eventId } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "async-fulfilment-payment-refunded" },
}
