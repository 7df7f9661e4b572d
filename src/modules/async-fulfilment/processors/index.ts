import type { SideEffectKind } from "../types/side-effect"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { processErpJob } from "./erp"
import { processInvoiceJob } from "./invoice"
import { processMailJob } from "./mail"

export type SideEffectProcessor = (payload: SideEffectPayload, runtime: ProcessorRuntime) => Promise<unknown>

export const SIDE_EFFECT_PROCESSORS: Record<SideEffectKind, SideEffectProcessor> = {
  invoice: processInvoiceJob,
  mail: processMailJob,
  erp: processErpJob,
}

export type { InvoiceJobResult } from "./invoice"
export type { MailJobResult } from "./mail"
export type { ErpJobResult } from "./erp"
