import { type Link, ROOT_CONTEXT, SpanKind } from "@opentelemetry/api"
import { DelayedError, type Job } from "bullmq"
import type { SideEffectKind } from "../types/side-effect"
import { inSpan } from "./in-span"
import { contextOf, spanContextOf } from "./trace-carrier"
import { SPAN_ATTRIBUTES, SPAN_NAMES } from "./tracer"

/**
 * How long after its job was added an attempt is still a child of the span that added it. A
 * later attempt (a retry after an hour of backoff, a job that waited out an outage) starts a trace
 * of its own linked to that span: a child hours after its parent ended breaks trace views.
 */
export const CHILD_OF_SCHEDULE_MAX_AGE_MS = 15 * 60_000

interface TracedJobData {
  order_id?: unknown
  subject?: unknown
  trace?: unknown
  trace_link?: unknown
}

/** Whatever the job ran: the invoice processors return its number, the mail and ERP ones too. */
function invoiceNumberOf(result: unknown): string | undefined {
  const value = (result as { invoice_number?: unknown } | null | undefined)?.invoice_number
  return typeof value === "string" && value ? value : undefined
}

/**
 * One span per attempt of a side-effect queue job, `async-fulfilment.<kind>` (a CONSUMER span):
 * the child of the span that enqueued the job (carried in its payload), or linked to it when that
 * is long past; linked as well to the order's checkout trace when the job was re-added (an admin's
 * retry, the reconciler). A failed attempt records the exception and status ERROR; a run that only
 * found its dependency not done yet (DelayedError: put back, no attempt used) is not a failure and
 * says so with `job.waiting_for_dependency`.
 */
export function traceSideEffectAttempt<T>(job: Job, kind: SideEffectKind, run: () => Promise<T>): Promise<T> {
  const data = (job.data ?? {}) as TracedJobData
  const enqueuedBy = spanContextOf(data.trace)
  const fresh = Date.now() - job.timestamp < CHILD_OF_SCHEDULE_MAX_AGE_MS
  const links: Link[] = []
  if (enqueuedBy && !fresh) {
    links.push({ context: enqueuedBy })
  }
  const order = spanContextOf(data.trace_link)
  if (order) {
    links.push({ context: order })
  }
  const subject = typeof data.subject === "string" && data.subject ? data.subject : undefined
  return inSpan(
    SPAN_NAMES.attempt(kind),
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        [SPAN_ATTRIBUTES.orderId]: typeof data.order_id === "string" ? data.order_id : undefined,
        [SPAN_ATTRIBUTES.jobKind]: kind,
        [SPAN_ATTRIBUTES.jobAttempt]: job.attemptsMade + 1,
        [SPAN_ATTRIBUTES.jobId]: job.id,
        "messaging.system": "bullmq",
        "messaging.destination.name": job.queueName,
        "messaging.operation.type": "process",
        ...(subject ? { [SPAN_ATTRIBUTES.jobSubject]: subject } : {}),
      },
    },
    async (span) => {
      const result = await run().catch((error) => {
        if (error instanceof DelayedError) {
          // put back until its dependency is done (the ERP sync waits for the invoice): no attempt used
          span.setAttribute(SPAN_ATTRIBUTES.waitingForDependency, true)
        }
        throw error
      })
      const invoiceNumber = invoiceNumberOf(result)
      if (invoiceNumber) {
        span.setAttribute(SPAN_ATTRIBUTES.invoiceNumber, invoiceNumber)
      }
      return result
    },
    { parent: enqueuedBy && fresh ? contextOf(data.trace) : ROOT_CONTEXT, expected: (error) => error instanceof DelayedError }
  )
}
