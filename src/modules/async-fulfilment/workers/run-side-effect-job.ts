import { Job, UnrecoverableError } from "bullmq"
import { SIDE_EFFECT_PROCESSORS } from "../processors"
import { readSideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import type { SideEffectKind } from "../types/side-effect"
import { isPermanentFailure } from "./is-permanent-failure"

/**
 * The one path every job takes: check the payload, skip what already completed, run the
 * kind's processor and record the outcome in Postgres before BullMQ records it in Redis.
 */
export async function runSideEffectJob(
  job: Job,
  kind: SideEffectKind,
  runtime: ProcessorRuntime
): Promise<unknown> {
  const read = readSideEffectPayload(job.data, kind)
  if ("problem" in read) {
    throw new UnrecoverableError(read.problem)
  }
  const { payload } = read
  const attempt = job.attemptsMade + 1
  const start = await runtime.records.markSideEffectActive(payload.order_id, kind, attempt)
  if (start.state === "completed") {
    return start.result
  }
  if (start.state === "missing") {
    throw new UnrecoverableError(`no ${kind} record for order ${payload.order_id}`)
  }

  try {
    const result = await SIDE_EFFECT_PROCESSORS[kind](payload, runtime)
    await runtime.records.markSideEffectCompleted(payload.order_id, kind, result)
    return result
  } catch (error) {
    const message = (error as Error)?.message ?? String(error)
    const permanent = isPermanentFailure(error)
    const final = permanent || attempt >= (job.opts.attempts ?? 1)
    await runtime.records.markSideEffectFailed(payload.order_id, kind, { attempt, message, final })
    runtime.logger.warn(
      `[async-fulfilment] ${kind} job of order ${payload.order_id} failed (attempt ${attempt}${final ? ", final" : ""}): ${message}`
    )
    throw permanent && !(error instanceof UnrecoverableError) ? new UnrecoverableError(message) : error
  }
}
