import { SpanKind } from "@opentelemetry/api"
import type { RedisClient } from "../redis/connections"
import type { SideEffectKind } from "../types/side-effect"
import { readCheckoutTrace } from "./checkout-traces"
import { inSpan } from "./in-span"
import { spanContextOf, type TraceCarrier } from "./trace-carrier"
import { SPAN_ATTRIBUTES, SPAN_NAMES } from "./tracer"

/**
 * An `async-fulfilment.requeue` span around re-adding an order's queue jobs (an admin's retry,
 * the reconciler), a child of whatever runs it and linked to the order's checkout trace; `work`
 * gets that trace to carry on as the jobs' `trace_link`. The checkout trace is looked up only
 * while a span records: without an SDK this is no Redis round trip.
 */
export function traceRequeue<T>(
  redis: RedisClient,
  queuePrefix: string,
  orderId: string,
  kinds: SideEffectKind[],
  work: (checkoutTrace: TraceCarrier | undefined) => Promise<T>
): Promise<T> {
  return inSpan(
    SPAN_NAMES.requeue,
    { kind: SpanKind.PRODUCER, attributes: { [SPAN_ATTRIBUTES.orderId]: orderId, "job.kinds": kinds } },
    async (span) => {
      if (!span.isRecording()) {
        return work(undefined)
      }
      const checkoutTrace = await readCheckoutTrace(redis, queuePrefix, orderId)
      const order = spanContextOf(checkoutTrace)
      // links given after the start are kept by the SDK (API ≥ 1.9: Span.addLink)
      if (order) {
        span.addLink({ context: order })
      }
      return work(checkoutTrace)
    }
  )
}
