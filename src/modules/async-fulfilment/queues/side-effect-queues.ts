import { FlowProducer, Queue } from "bullmq"
import type { RedisClient } from "../redis/connections"
import type { AsyncFulfilmentOptions } from "../options"
import { SIDE_EFFECT_KINDS, SideEffectKind } from "../types/side-effect"
import { QUEUE_NAMES, sideEffectJobId } from "./names"
import { buildSideEffectFlows, SideEffectFlowInput } from "./side-effect-flow"
import { buildJobOptions } from "./job-options"
import { promoteDelayedJob } from "./promote-delayed-job"
import { traceRequeue } from "../tracing/requeue-span"
import { QueueJobRunningError } from "../errors/queue-job-running-error"
import { REVIEW_NOTICE_JOB_NAME, ReviewNotice, reviewNoticeJobId, reviewNoticePayload } from "../mail/review-notices"

export interface QueueJobView {
  payload: Record<string, unknown>
  queue: { name: string; state: string; attempts_made: number; failed_reason: string | null }
}

/** The producer side: adds an order's queue jobs in one round trip and removes them on rollback. */
export class SideEffectQueues {
  protected readonly flowProducer_: FlowProducer
  protected readonly queues_: Record<SideEffectKind, Queue>
  protected closing_: Promise<void> | null = null

  constructor(
    protected readonly connection_: RedisClient,
    protected readonly options_: AsyncFulfilmentOptions
  ) {
    const connection = connection_
    const prefix = options_.queuePrefix
    this.flowProducer_ = new FlowProducer({ connection, prefix })
    this.queues_ = Object.fromEntries(
      SIDE_EFFECT_KINDS.map((kind) => [kind, new Queue(QUEUE_NAMES[kind], { connection, prefix })])
    ) as Record<SideEffectKind, Queue>
  }

  queue(kind: SideEffectKind): Queue {
    return this.queues_[kind]
  }

  /**
   * Runs a delayed queue job now: a reader whose side effect it reads just completed. False when
   * there was nothing to wake (the job already runs, ran, or is gone): the wake only saves time.
   */
  async promoteIfDelayed(kind: SideEffectKind, jobId: string): Promise<boolean> {
    return promoteDelayedJob(this.queues_[kind], jobId)
  }

  async enqueue(input: SideEffectFlowInput): Promise<string[]> {
    const flows = buildSideEffectFlows(input, this.options_)
    if (!flows.length) {
      return []
    }
    await this.flowProducer_.addBulk(flows)
    return input.kinds.map((kind) => sideEffectJobId(kind, input.order_id, input.subject))
  }

  /** Several enqueue inputs (the three jobs of each of several credit notes) in one `addBulk`. */
  async enqueueMany(inputs: SideEffectFlowInput[]): Promise<string[]> {
    const flows = inputs.flatMap((input) => buildSideEffectFlows(input, this.options_))
    if (!flows.length) {
      return []
    }
    await this.flowProducer_.addBulk(flows)
    return inputs.flatMap((input) => input.kinds.map((kind) => sideEffectJobId(kind, input.order_id, input.subject)))
  }

  /**
   * New queue jobs for these side-effect jobs, those of one order and subject together (the mail
   * with its invoice, as one flow). `replace` first removes what BullMQ still holds of them (a failed queue job),
   * and refuses (QueueJobRunningError) when a worker holds one: adding beside it would do nothing.
   */
  async requeue(
    jobs: { order_id: string; kind: SideEffectKind; subject?: string }[],
    { replace = false } = {}
  ): Promise<void> {
    const groups = new Map<string, { orderId: string; subject: string; kinds: SideEffectKind[] }>()
    for (const job of jobs) {
      const subject = job.subject ?? ""
      const key = JSON.stringify([job.order_id, subject])
      const group = groups.get(key) ?? { orderId: job.order_id, subject, kinds: [] }
      group.kinds.push(job.kind)
      groups.set(key, group)
    }
    for (const { orderId, subject, kinds } of groups.values()) {
      await traceRequeue(this.connection_, this.options_.queuePrefix, orderId, kinds, async (trace_link) => {
        if (replace) {
          await this.removeUnlessRunning(orderId, kinds, { subject })
        }
        await this.enqueue({ order_id: orderId, subject, event_id: null, kinds, trace_link })
      })
    }
  }

  /**
   * Removes the order's queue jobs of these kinds (by default a parent takes its children with
   * it). A job a worker holds stays: the kinds it could not remove are returned.
   */
  async remove(
    orderId: string,
    kinds: SideEffectKind[],
    { withChildren = true, subject = "" }: { withChildren?: boolean; subject?: string } = {}
  ): Promise<SideEffectKind[]> {
    const running: SideEffectKind[] = []
    for (const kind of kinds) {
      // BullMQ answers 0 when the job (or, with its children, one of them) is locked by a worker
      const removed = await this.queues_[kind].remove(sideEffectJobId(kind, orderId, subject), {
        removeChildren: withChildren,
      })
      if (removed === 0) {
        running.push(kind)
      }
    }
    return running
  }

  /** `remove`, throwing QueueJobRunningError (409) for the first job a worker holds. */
  async removeUnlessRunning(
    orderId: string,
    kinds: SideEffectKind[],
    options: { withChildren?: boolean; subject?: string } = {}
  ) {
    const [running] = await this.remove(orderId, kinds, options)
    if (running) {
      throw new QueueJobRunningError(running, orderId)
    }
  }

  /** A risk review's courtesy mail, once per order and notice (the queue job's id says which). */
  async enqueueReviewNotice(orderId: string, notice: ReviewNotice): Promise<void> {
    await this.queues_.mail.add(
      REVIEW_NOTICE_JOB_NAME,
      reviewNoticePayload(notice, orderId),
      buildJobOptions(reviewNoticeJobId(notice, orderId), this.options_.jobs.mail, this.options_.retention)
    )
  }

  /** What BullMQ holds for this queue job right now, or null when Redis no longer has it. */
  async describe(kind: SideEffectKind, orderId: string, subject = ""): Promise<QueueJobView | null> {
    const job = await this.queues_[kind].getJob(sideEffectJobId(kind, orderId, subject))
    if (!job) {
      return null
    }
    return {
      payload: job.data as Record<string, unknown>,
      queue: {
        name: QUEUE_NAMES[kind],
        state: await job.getState(),
        attempts_made: job.attemptsMade,
        failed_reason: job.failedReason || null,
      },
    }
  }

  close(): Promise<void> {
    this.closing_ ??= Promise.allSettled([
      this.flowProducer_.close(),
      ...Object.values(this.queues_).map((queue) => queue.close()),
    ]).then(() => undefined)
    return this.closing_
  }
}
