import { type Context, context, type Span, type SpanOptions, SpanStatusCode } from "@opentelemetry/api"
import { asyncFulfilmentTracer } from "./tracer"

/** An error that is not a failure of the span (a queue job put back to wait), left with status unset. */
export type IsExpected = (error: unknown) => boolean

/**
 * Runs `work` inside a new active span and ends it: a throw is recorded as the span's exception
 * with status ERROR (unless `expected` says it is not a failure) and rethrown.
 * Without an SDK the span is the API's no-op one: a few property reads, nothing recorded.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
  { parent = context.active(), expected }: { parent?: Context; expected?: IsExpected } = {}
): Promise<T> {
  return asyncFulfilmentTracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span)
    } catch (error) {
      if (!expected?.(error)) {
        recordFailure(span, error)
      }
      throw error
    } finally {
      span.end()
    }
  })
}

/** The exception (type and message: ours never hold personal data) and status ERROR. */
export function recordFailure(span: Span, error: unknown): void {
  if (!span.isRecording()) {
    return
  }
  const exception = error instanceof Error ? error : new Error(String(error))
  span.recordException(exception)
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message })
}
