import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { processErpJob } from "./erp"
import { processInvoiceJob } from "./invoice"
import { processMailJob } from "./mail"
import { processCreditNoteErpJob } from "./credit-note/erp"
import { processCreditNotePdfJob } from "./credit-note/invoice"
import { processCreditNoteMailJob } from "./credit-note/mail"

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

export const processorFor = (kind: SideEffectKind, subject: string): SideEffectProcessor =>
  (subject ? CREDIT_NOTE_PROCESSORS : SIDE_EFFECT_PROCESSORS)[kind]

export type { InvoiceJobResult } from "./invoice"
export type { MailJobResult } from "./mail"
export type { ErpJobResult } from "./erp"
export type { CreditNotePdfJobResult } from "./credit-note/invoice"
export type { CreditNoteMailJobResult } from "./credit-note/mail"
export type { CreditNoteErpJobResult } from "./credit-note/erp"
