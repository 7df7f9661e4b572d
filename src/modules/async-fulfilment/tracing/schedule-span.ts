import { SpanKind } from "@opentelemetry/api"
import { inSpan } from "./in-span"
import { contextOf, type TraceCarrier } from "./trace-carrier"
import { SPAN_ATTRIBUTES, SPAN_NAMES } from "./tracer"

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
