import type { EnqueueSideEffectFlowsStepInput } from "../side-effects/steps"
import type { OrderActionInput } from "./order-action-input"
import type { RecordedOrderActionJobs } from "./steps"

/** The jobs an order action just recorded, as the flows to enqueue: no event, one kind each. */
export function orderActionFlows({ input, recorded }: { input: OrderActionInput; recorded: RecordedOrderActionJobs }): EnqueueSideEffectFlowsStepInput {
  return {
    order_id: input.order_id,
    event_id: null,
    subjects: recorded.jobs.map((job) => ({ subject: job.subject, kinds: [recorded.kind] })),
  }
}
