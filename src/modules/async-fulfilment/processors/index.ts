import { ORDER_CANCELED_SUBJECT, type SideEffectKind } from "../types/side-effect"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { processErpJob } from "./erp"
import { processInvoiceJob } from "./invoice"
import { processMailJob } from "./mail"
import { processCreditNoteErpJob } from "./credit-note/erp"
import { processCreditNotePdfJob } from "./credit-note/invoice"
import { processCreditNoteMailJob } from "./credit-note/mail"
import { processOrderCanceledErpJob } from "./order-canceled-erp"
import { processResendMailJob } from "./resend-mail"
import { processResyncErpJob } from "./resync-erp"
import { parseActionSubject } from "../types/action-subjects"

export type SideEffectProcessor = (payload: SideEffectPayload, runtime: ProcessorRuntime) => Promise<unknown>

/** The order's own invoice, mail and ERP sync (subject ""). */
export const SIDE_EFFECT_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: processInvoiceJob,
  mail: processMailJob,
  erp: processErpJob,
}

/** A credit note's (subject = its id): its PDF, its mail, its ERP document. */
export const CREDIT_NOTE_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: processCreditNotePdfJob,
  mail: processCreditNoteMailJob,
  erp: processCreditNoteErpJob,
}

const onlyErp: SideEffectProcessor = async (payload) => {
  throw new PermanentSideEffectError(`there is no ${payload.kind} job for subject "${payload.subject}"`)
}

/** The cancellation notice of an order the ERP received but that was never invoiced: an ERP document only. */
export const ORDER_CANCELED_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: onlyErp,
  mail: onlyErp,
  erp: processOrderCanceledErpJob,
}

const onlyKind =
  (only: SideEffectKind, processor: SideEffectProcessor): SideEffectProcessor =>
  async (payload, runtime) => {
    if (payload.kind !== only) {
      throw new PermanentSideEffectError(`there is no ${payload.kind} job for subject "${payload.subject}"`)
    }
    return processor(payload, runtime)
  }

/** An admin's actions on an order: a resend of the invoice mail, a resync with the ERP. */
export const ACTION_PROCESSORS = {
  resend_mail: onlyKind("mail", processResendMailJob),
  resync_erp: onlyKind("erp", processResyncErpJob),
} as const

export function processorFor(kind: SideEffectKind, subject: string): SideEffectProcessor {
  if (!subject) {
    return SIDE_EFFECT_PROCESSORS[kind]
  }
  const action = parseActionSubject(subject)
  if (action) {
    return ACTION_PROCESSORS[action.action]
  }
  return (subject === ORDER_CANCELED_SUBJECT ? ORDER_CANCELED_PROCESSORS : CREDIT_NOTE_PROCESSORS)[kind]
}

export type { InvoiceJobResult } from "./invoice"
export type { MailJobResult } from "./mail"
export type { ErpJobResult } from "./erp"
export type { CreditNotePdfJobResult } from "./credit-note/invoice"
export type { CreditNoteMailJobResult } from "./credit-note/mail"
export type { CreditNoteErpJobResult } from "./credit-note/erp"
export type { OrderCanceledErpJobResult } from "./order-canceled-erp"
export type { ResendMailJobResult } from "./resend-mail"
export type { ResyncErpJobResult } from "./resync-erp"
