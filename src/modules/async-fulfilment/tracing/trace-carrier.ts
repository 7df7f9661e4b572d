import { type Context, context, createTraceState, ROOT_CONTEXT, type SpanContext, trace } from "@opentelemetry/api"

/** The W3C Trace Context of a span, as a queue job or Redis carries it. */
export interface TraceCarrier {
  traceparent: string
  tracestate?: string
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

/**
 * The active span's context as W3C strings, or undefined when there is none (no SDK registered:
 * the API's no-op span has an invalid context). A trace the sampler dropped is carried too, with its
 * flags 00, so that a parent-based sampler drops the jobs' spans as well instead of starting a
 * fragment of a trace for them. Formatted here rather than through the global propagator, which a
 * store may have set to B3.
 */
export function captureTraceCarrier(active: Context = context.active()): TraceCarrier | undefined {
  const spanContext = trace.getSpanContext(active)
  if (!spanContext || !trace.isSpanContextValid(spanContext)) {
    return undefined
  }
  const flags = spanContext.traceFlags.toString(16).padStart(2, "0")
  const traceparent = `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`
  const tracestate = spanContext.traceState?.serialize()
  return tracestate ? { traceparent, tracestate } : { traceparent }
}

/** The remote span context a carrier names; undefined for anything malformed (old or foreign payloads). */
export function spanContextOf(carrier: unknown): SpanContext | undefined {
  const traceparent = (carrier as TraceCarrier | null | undefined)?.traceparent
  const match = typeof traceparent === "string" ? TRACEPARENT.exec(traceparent) : null
  if (!match) {
    return undefined
  }
  const tracestate = (carrier as TraceCarrier).tracestate
  const spanContext: SpanContext = {
    traceId: match[1],
    spanId: match[2],
    traceFlags: parseInt(match[3], 16),
    isRemote: true,
    ...(typeof tracestate === "string" && tracestate ? { traceState: createTraceState(tracestate) } : {}),
  }
  return trace.isSpanContextValid(spanContext) ? spanContext : undefined
}

/** A context whose parent is the carrier's span (ROOT_CONTEXT when it names none). */
export function contextOf(carrier: unknown): Context {
  const spanContext = spanContextOf(carrier)
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT
}
