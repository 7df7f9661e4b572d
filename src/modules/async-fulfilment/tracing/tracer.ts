import { trace, type Tracer } from "@opentelemetry/api"

export const TRACER_NAME = "medusa-plugin-async-fulfilment"

/** Span names: one per scheduling, one per attempt of a queue job (`async-fulfilment.<kind>`). */
export const SPAN_NAMES = {
  schedule: "async-fulfilment.schedule",
  /** the scheduling of several orders at once, linking their schedule spans */
  scheduleBatch: "async-fulfilment.schedule-batch",
  attempt: (kind: string) => `async-fulfilment.${kind}`,
  requeue: "async-fulfilment.requeue",
  smtpSend: "async-fulfilment.smtp.send",
} as const

/** Identifiers only, as in the logs: never a name, an address or an amount. */
export const SPAN_ATTRIBUTES = {
  orderId: "order.id",
  jobKind: "job.kind",
  /** how many orders a schedule batch held */
  batchSize: "async-fulfilment.batch.size",
  jobAttempt: "job.attempt",
  jobId: "messaging.message.id",
  invoiceNumber: "invoice.number",
  /** a credit note's id, or the cancellation notice's marker; absent for the order's own jobs */
  jobSubject: "job.subject",
  /** true on a run that found its dependency not done and was put back without using an attempt */
  waitingForDependency: "job.waiting_for_dependency",
} as const

/**
 * Resolved on every use: the API hands out a proxy until a store's instrumentation registers an
 * SDK, and a no-op one (spans that record nothing) when none ever does.
 */
export function asyncFulfilmentTracer(): Tracer {
  return trace.getTracer(TRACER_NAME)
}
