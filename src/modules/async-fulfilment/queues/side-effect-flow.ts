import type { FlowJob } from "bullmq"
import type { AsyncFulfilmentOptions } from "../options"
import { SideEffectKind } from "../types/side-effect"
import { buildJobOptions } from "./job-options"
import { QUEUE_NAMES, sideEffectJobId } from "./names"
import { SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION, SideEffectPayload } from "./payload"

export interface SideEffectFlowInput {
  order_id: string
  event_id: string | null
  kinds: SideEffectKind[]
}

function jobFor(kind: SideEffectKind, input: SideEffectFlowInput, options: AsyncFulfilmentOptions) {
  const payload: SideEffectPayload = {
    schema_version: SIDE_EFFECT_PAYLOAD_SCHEMA_VERSION,
    kind,
    order_id: input.order_id,
    correlation_id: input.order_id,
    event_id: input.event_id,
  }
  const jobId = sideEffectJobId(kind, input.order_id)
  return {
    name: kind,
    queueName: QUEUE_NAMES[kind],
    data: payload,
    opts: buildJobOptions(jobId, options.jobs[kind], options.retention),
  }
}

/**
 * The jobs of one order as BullMQ flows, to be added in a single `addBulk` (one MULTI):
 * the mail is the parent of the invoice it attaches, so it runs only once the invoice is
 * rendered; the ERP sync is a flow of its own and runs in parallel. When the invoice fails
 * for good the mail fails with it (`failParentOnFailure`) instead of waiting forever.
 */
export function buildSideEffectFlows(
  input: SideEffectFlowInput,
  options: AsyncFulfilmentOptions
): FlowJob[] {
  const wants = new Set(input.kinds)
  const flows: FlowJob[] = []
  const invoice = wants.has("invoice") ? jobFor("invoice", input, options) : null

  if (wants.has("mail")) {
    const mail: FlowJob = jobFor("mail", input, options)
    if (invoice) {
      mail.children = [{ ...invoice, opts: { ...invoice.opts, failParentOnFailure: true } }]
    }
    flows.push(mail)
  } else if (invoice) {
    flows.push(invoice)
  }
  if (wants.has("erp")) {
    flows.push(jobFor("erp", input, options))
  }
  return flows
}
