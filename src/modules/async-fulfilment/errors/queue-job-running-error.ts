import { MedusaError } from "@medusajs/framework/utils"

/**
 * BullMQ would not remove a queue job because a worker holds it (it is running: a mail may be
 * on its way). An admin's discard or retry is refused (409) rather than recorded over it.
 */
export class QueueJobRunningError extends MedusaError {
  constructor(kind: string, orderId: string) {
    super(
      MedusaError.Types.CONFLICT,
      `The ${kind} job of order ${orderId} is running right now (a worker holds it): try again once it has finished`
    )
    this.name = "QueueJobRunningError"
  }
}
