import { z } from "@medusajs/framework/zod"
import { SIDE_EFFECT_KINDS, SideEffectKind } from "../types/side-effect"
import type { TraceCarrier } from "../tracing/trace-carrier"

export const SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION = 1 as const

/**
 * What a queue job carries through Redis: identifiers only. The order itself (names, addresses,
 * e-mail) stays in Postgres, and no secret ever enters a payload.
 */
export interface SideEffectPayload {
  schema_version: typeof SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION
  kind: SideEffectKind
  order_id: string
  /**
   * "" for the order's own document, else the credit note's id. Written only when not "" (and
   * read as "" when absent): the order's own payloads stay as 0.1 wrote them, so queue jobs already
   * in Redis and workers not yet upgraded in a rolling deploy keep working; schema_version stays 1.
   */
  subject: string
  /** ties every log line and side-effect job of one order's side effects together */
  correlation_id: string
  /** the `order.placed` event (or the retry) that scheduled this queue job */
  event_id: string | null
  /**
   * W3C Trace Context of the span that added this queue job (the schedule span, an admin's retry):
   * its attempts' spans continue that trace (and its sampling decision). Written only while an
   * OpenTelemetry SDK is registered, so without one payloads are exactly as 0.1 wrote them and
   * schema_version stays 1.
   */
  trace?: TraceCarrier
  /** the order's checkout trace, on a queue job re-added later (retry, reconciler): linked, not continued */
  trace_link?: TraceCarrier
}

const traceCarrierSchema = z.object({ traceparent: z.string().max(55), tracestate: z.string().max(512).optional() }).strict()

const payloadSchema = z
  .object({
    schema_version: z.literal(SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION),
    kind: z.enum(SIDE_EFFECT_KINDS),
    order_id: z.string().min(1),
    subject: z.string().min(1).optional(),
    correlation_id: z.string().min(1),
    event_id: z.string().nullable(),
    trace: traceCarrierSchema.optional(),
    trace_link: traceCarrierSchema.optional(),
  })
  .strict()

/** Returns the payload, or a reason it cannot be processed (kept in the failed set). */
export function readSideEffectPayload(
  data: unknown,
  queueKind: SideEffectKind
): { payload: SideEffectPayload } | { problem: string } {
  const parsed = payloadSchema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    return { problem: `malformed job payload: ${first.path.join(".") || "(root)"}: ${first.message}` }
  }
  if (parsed.data.kind !== queueKind) {
    return { problem: `job of kind "${parsed.data.kind}" found in the ${queueKind} queue` }
  }
  return { payload: { ...parsed.data, subject: parsed.data.subject ?? "" } }
}
