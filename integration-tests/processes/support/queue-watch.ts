import { Queue, QueueEvents } from "bullmq"
import IORedis from "ioredis"
import { QUEUE_NAMES, sideEffectJobId } from "../../../src/modules/async-fulfilment/queues/names"
import type { SideEffectKind } from "../../../src/modules/async-fulfilment/types/side-effect"

export const KINDS: SideEffectKind[] = ["invoice", "mail", "erp"]

export interface QueueEvent {
  kind: SideEffectKind
  event: "added" | "active" | "completed" | "failed" | "stalled"
  jobId: string
  /** Redis server time of the event (the stream entry id), ms */
  at: number
  detail?: string
}

export interface ActiveJob {
  kind: SideEffectKind
  jobId: string
  /** ms the job's lock still had to live (PTTL of `<job>:lock`), -2 when the lock was gone */
  lockTtlMs: number
}

/**
 * Watches the plugin's three queues from the test process, as an operator would: BullMQ's event
 * stream (active, completed, failed, stalled, with Redis timestamps) and the queues themselves
 * (active jobs and their lock keys). It never processes a job.
 */
export class QueueWatch {
  readonly events: QueueEvent[] = []
  protected readonly queues_: Record<SideEffectKind, Queue>
  protected readonly queueEvents_: QueueEvents[] = []
  protected readonly redis_: IORedis

  constructor(
    protected readonly redisUrl: string,
    protected readonly prefix: string
  ) {
    this.redis_ = new IORedis(redisUrl, { maxRetriesPerRequest: null })
    this.queues_ = Object.fromEntries(
      KINDS.map((kind) => [kind, new Queue(QUEUE_NAMES[kind], { connection: this.redis_, prefix })])
    ) as Record<SideEffectKind, Queue>
  }

  async start(): Promise<void> {
    for (const kind of KINDS) {
      const events = new QueueEvents(QUEUE_NAMES[kind], {
        connection: new IORedis(this.redisUrl, { maxRetriesPerRequest: null }),
        prefix: this.prefix,
      })
      const at = (id: string) => Number(id.split("-")[0])
      events.on("added", ({ jobId }, id) => this.events.push({ kind, event: "added", jobId, at: at(id) }))
      events.on("active", ({ jobId }, id) => this.events.push({ kind, event: "active", jobId, at: at(id) }))
      events.on("completed", ({ jobId }, id) => this.events.push({ kind, event: "completed", jobId, at: at(id) }))
      events.on("failed", ({ jobId, failedReason }, id) =>
        this.events.push({ kind, event: "failed", jobId, at: at(id), detail: failedReason })
      )
      events.on("stalled", ({ jobId }, id) => this.events.push({ kind, event: "stalled", jobId, at: at(id) }))
      await events.waitUntilReady()
      this.queueEvents_.push(events)
    }
  }

  queue(kind: SideEffectKind): Queue {
    return this.queues_[kind]
  }

  /** Every active job of the three queues, with how long its lock has left. */
  async activeJobs(): Promise<ActiveJob[]> {
    const active: ActiveJob[] = []
    for (const kind of KINDS) {
      const queue = this.queues_[kind]
      for (const jobId of await queue.getJobs(["active"]).then((jobs) => jobs.map((job) => job.id!))) {
        active.push({ kind, jobId, lockTtlMs: await this.redis_.pttl(`${queue.keys[""]}${jobId}:lock`) })
      }
    }
    return active
  }

  async lockExists(kind: SideEffectKind, jobId: string): Promise<boolean> {
    return (await this.redis_.exists(`${this.queues_[kind].keys[""]}${jobId}:lock`)) === 1
  }

  /** How many of these orders have all three jobs in BullMQ (in any state). */
  async ordersEnqueued(orderIds: string[]): Promise<number> {
    let complete = 0
    for (const orderId of orderIds) {
      const found = await Promise.all(
        KINDS.map((kind) => this.redis_.exists(`${this.queues_[kind].keys[""]}${sideEffectJobId(kind, orderId)}`))
      )
      complete += found.every((exists) => exists === 1) ? 1 : 0
    }
    return complete
  }

  async counts(): Promise<Record<SideEffectKind, Record<string, number>>> {
    const entries = await Promise.all(
      KINDS.map(async (kind) => [kind, await this.queues_[kind].getJobCounts("active", "waiting", "waiting-children", "delayed", "failed", "completed")] as const)
    )
    return Object.fromEntries(entries) as Record<SideEffectKind, Record<string, number>>
  }

  eventsBetween(from: number, to = Number.MAX_SAFE_INTEGER): QueueEvent[] {
    return this.events.filter((event) => event.at >= from && event.at <= to)
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.queueEvents_.map((events) => events.close()))
    await Promise.allSettled(Object.values(this.queues_).map((queue) => queue.close()))
    this.redis_.disconnect()
  }
}
