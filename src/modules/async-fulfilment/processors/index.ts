import { isCreditRequestSubject, ORDER_CANCELED_SUBJECT, type SideEffectKind } from "../types/side-effect"
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
import { processOrderCanceledMailJob } from "./order-canceled-mail"
import { processResendMailJob } from "./resend-mail"
import { processResyncErpJob } from "./resync-erp"
import { parseActionSubject } from "../types/action-subjects"

import { processCreditRequestJob } from "./credit-request"

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

const noInvoice: SideEffectProcessor = async (payload) => {
  throw new PermanentSideEffectError(`there is no ${payload.kind} job for subject "${payload.subject}"`)
}

/** The notices of an order canceled before it was invoiced: the customer's mail, and the ERP's document when it had the order. */
export const ORDER_CANCELED_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: noInvoice,
  mail: processOrderCanceledMailJob,
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

const onlyInvoice: SideEffectProcessor = async (payload) => {
  throw new PermanentSideEffectError(`a credit request (${payload.subject}) has only an invoice job, no ${payload.kind} job`)
}

/** A refund or return waiting to be credited: one job (of kind invoice) issues its credit note. */
export const CREDIT_REQUEST_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: processCreditRequestJob,
  mail: onlyInvoice,
  erp: onlyInvoice,
}

export function processorFor(kind: SideEffectKind, subject: string): SideEffectProcessor {
  if (!subject) {
    return SIDE_EFFECT_PROCESSORS[kind]
  }
  const action = parseActionSubject(subject)
  if (action) {
    return ACTION_PROCESSORS[action.action]
  }
  if (isCreditRequestSubject(subject)) {
    return CREDIT_REQUEST_PROCESSORS[kind]
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
export type { OrderCanceledMailJobResult } from "./order-canceled-mail"
export type { ResendMailJobResult } from "./resend-mail"
export type { ResyncErpJobResult } from "./resync-erp"
export type { CreditRequestJobResult } from "./credit-request"
