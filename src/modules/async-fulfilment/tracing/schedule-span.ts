import { context, ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api"
import { inSpan, recordFailure } from "./in-span"
import { captureTraceCarrier, contextOf, spanContextOf, type TraceCarrier } from "./trace-carrier"
import { asyncFulfilmentTracer, SPAN_ATTRIBUTES, SPAN_NAMES } from "./tracer"

/**
 * The `async-fulfilment.schedule` span around handling one `order.placed`: the child of the
 * checkout's span when its context was recorded, else of whatever is active (a root otherwise).
 * The queue jobs added inside it carry its context.
 */
export function traceSchedule<T>(orderId: string, checkoutTrace: TraceCarrier | undefined, work: () => Promise<T>): Promise<T> {
  return inSpan(
    SPAN_NAMES.schedule,
    { kind: SpanKind.PRODUCER, attributes: { [SPAN_ATTRIBUTES.orderId]: orderId } },
    work,
    checkoutTrace ? { parent: contextOf(checkoutTrace) } : {}
  )
}

/** One order's schedule span in a batch: started when its event arrives, ended when its batch settled. */
export interface PendingScheduleSpan {
  /** the span's context, carried by the order's queue jobs */
  carrier: TraceCarrier | undefined
  /** runs work done for this order alone inside the span */
  run<T>(work: () => Promise<T>): Promise<T>
  end(error?: unknown): void
}

export function startScheduleSpan(orderId: string, checkoutTrace: TraceCarrier | undefined): PendingScheduleSpan {
  const parent = checkoutTrace ? contextOf(checkoutTrace) : context.active()
  const span = asyncFulfilmentTracer().startSpan(
    SPAN_NAMES.schedule,
    { kind: SpanKind.PRODUCER, attributes: { [SPAN_ATTRIBUTES.orderId]: orderId } },
    parent
  )
  const spanContext = trace.setSpan(parent, span)
  return {
    carrier: captureTraceCarrier(spanContext),
    run: (work) => context.with(spanContext, work),
    end(error?: unknown) {
      if (error !== undefined) {
        recordFailure(span, error)
      }
      span.end()
    },
  }
}

/**
 * The span around scheduling a batch of orders: a root of its own that links each order's
 * schedule span (the orders' traces stay apart; their jobs continue their own schedule spans).
 */
export function traceScheduleBatch<T>(orderTraces: (TraceCarrier | undefined)[], work: () => Promise<T>): Promise<T> {
  const links = orderTraces.flatMap((carrier) => {
    const spanContext = spanContextOf(carrier)
    return spanContext ? [{ context: spanContext }] : []
  })
  return inSpan(
    SPAN_NAMES.scheduleBatch,
    { kind: SpanKind.INTERNAL, links, attributes: { [SPAN_ATTRIBUTES.batchSize]: orderTraces.length } },
    work,
    { parent: ROOT_CONTEXT }
  )
}
