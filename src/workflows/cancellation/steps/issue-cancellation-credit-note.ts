import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASYNC_FULFILMENT_MODULE } from "../../../modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../../modules/async-fulfilment/service"
import type { SideEffectKind } from "../../../modules/async-fulfilment/types/side-effect"
import { InvalidCreditNoteError } from "../../../modules/async-fulfilment/errors/invalid-credit-note-error"

export const issueCancellationCreditNoteStepId = "issue-cancellation-credit-note"

/** The source of a cancellation's credit note: one per order, whatever repeats the event. */
export const cancellationSourceKey = (orderId: string) => `cancel:${orderId}`

export interface IssuedCancellationCreditNote {
  /** null when earlier credit notes (refunds, returns) already took back the whole invoice */
  credit_note_id: string | null
  number: string | null
  /** the side-effect jobs this run recorded (none on a repeat): only those are enqueued */
  created_kinds: SideEffectKind[]
}

/**
 * The credit note of the whole invoice, with its PDF, mail and ERP jobs recorded in the same
 * transaction. Not compensated: an issued credit note keeps its number (the series is gap-free),
 * and its jobs are in Postgres for the reconciler if they never reach BullMQ.
 */
export const issueCancellationCreditNoteStep = createStep(
  issueCancellationCreditNoteStepId,
  async ({ order_id, event_id }: { order_id: string; event_id: string | null }, { container }) => {
    const service: AsyncFulfilmentModuleService = container.resolve(ASYNC_FULFILMENT_MODULE)
    try {
      const { credit_note, created_kinds } = await service.issueCreditNoteWithSideEffects({
        orderId: order_id,
        reason: "cancellation",
        sourceKey: cancellationSourceKey(order_id),
        eventId: event_id,
      })
      return new StepResponse<IssuedCancellationCreditNote>({
        credit_note_id: credit_note.id,
        number: credit_note.number,
        created_kinds,
      })
    } catch (error) {
      // refunds and returns credited the whole invoice before the cancellation: nothing is left to take back
      if (error instanceof InvalidCreditNoteError && (await service.isInvoiceFullyCredited(order_id))) {
        return new StepResponse<IssuedCancellationCreditNote>({ credit_note_id: null, number: null, created_kinds: [] })
      }
      throw error
    }
  }
)
