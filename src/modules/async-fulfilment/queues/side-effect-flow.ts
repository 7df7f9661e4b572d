import type { FlowJob } from "bullmq"
import type { AsyncFulfilmentOptions } from "../options"
import { dependencyOf, dependentsOf, SIDE_EFFECT_KINDS, SIDE_EFFECT_READERS, SideEffectKind } from "../types/side-effect"
import { buildJobOptions } from "./job-options"
import { QUEUE_NAMES, sideEffectJobId } from "./names"
import { SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION, SideEffectPayload } from "./payload"
import { captureTraceCarrier, type TraceCarrier } from "../tracing/trace-carrier"

export interface SideEffectFlowInput {
  order_id: string
  /** "" (or absent) for the order's own side effects, a credit note's id for its */
  subject?: string
  event_id: string | null
  kinds: SideEffectKind[]
  /** the order's checkout trace, linked from the jobs' spans when they are re-added (retry, reconciler) */
  trace_link?: TraceCarrier
  /** the span the jobs continue when it is not the active one (each order's schedule span in a batch) */
  trace?: TraceCarrier
}

/** The given or the active span's context (the schedule span, an admin's retry), only while an OpenTelemetry SDK is registered. */
function traceFields(input: SideEffectFlowInput): Pick<SideEffectPayload, "trace" | "trace_link"> {
  const trace = input.trace ?? captureTraceCarrier()
  return {
    ...(trace ? { trace } : {}),
    ...(input.trace_link && input.trace_link.traceparent !== trace?.traceparent ? { trace_link: input.trace_link } : {}),
  }
}

function jobFor(kind: SideEffectKind, input: SideEffectFlowInput, options: AsyncFulfilmentOptions) {
  const subject = input.subject ?? ""
  const payload: Omit<SideEffectPayload, "subject"> & { subject?: string } = {
    schema_version: SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION,
    kind,
    order_id: input.order_id,
    ...(subject ? { subject } : {}),
    correlation_id: input.order_id,
    event_id: input.event_id,
    ...traceFields(input),
  }
  const jobId = sideEffectJobId(kind, input.order_id, subject)
  return {
    name: kind,
    queueName: QUEUE_NAMES[kind],
    data: payload,
    opts: buildJobOptions(jobId, options.jobs[kind], options.retention),
  }
}

/**
 * The queue jobs of one order (or one of its credit notes) as BullMQ flows, to be added in a single `addBulk` (one MULTI):
 * a side effect that waits for another (the mail for the invoice it attaches) is the parent of
 * that one, so it runs only once its child completed; the others (the ERP sync) are flows of
 * their own and run in parallel. When the child fails for good the parent fails with it
 * (`failParentOnFailure`) instead of waiting forever. A side effect that reads another's outcome
 * (the ERP document, the issued invoice) starts delayed when both are added together, to be woken
 * by it (`SIDE_EFFECT_READERS`).
 */
export function buildSideEffectFlows(
  input: SideEffectFlowInput,
  options: AsyncFulfilmentOptions
): FlowJob[] {
  const wants = new Set(input.kinds)
  const flows: FlowJob[] = []
  for (const kind of SIDE_EFFECT_KINDS.filter((wanted) => wants.has(wanted))) {
    if (dependentsOf(kind).some((dependency) => wants.has(dependency.kind))) {
      continue // added below, as the child of the side effect that waits for it
    }
    const flow: FlowJob = jobFor(kind, input, options)
    const reads = SIDE_EFFECT_READERS.find((reader) => reader.kind === kind && wants.has(reader.reads))
    if (reads) {
      flow.opts = { ...flow.opts, delay: reads.fallbackDelayMs } // woken when what it reads is done
    }
    const needs = dependencyOf(kind)?.needs
    if (needs && wants.has(needs)) {
      const child = jobFor(needs, input, options)
      flow.children = [{ ...child, opts: { ...child.opts, failParentOnFailure: true } }]
    }
    flows.push(flow)
  }
  return flows
}
