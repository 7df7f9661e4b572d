import { type Job, Queue, Worker } from "bullmq"
import type { Logger } from "@medusajs/framework/types"
import type { RedisClient } from "../redis/connections"
import type { AsyncFulfilmentOptions } from "../options"
import { enabledSideEffectKinds } from "../options"
import type { AlertsOptions } from "../options/alerts-options"
import type { SideEffectQueues } from "../queues/side-effect-queues"
import { createMailTransport, type MailTransport } from "../mail/create-mail-transport"
import type { SideEffectKind } from "../types/side-effect"
import type { AlertBatch, AlertSignal } from "./alert-batch"
import { AlertFolds } from "./alert-folds"
import { type AlertChannel, deliverAlert } from "./deliver-alert"

export const ALERT_QUEUE_NAME = "af-alerts"
const SEND_ALERT = "send-alert"
const CHECK_WAITING = "check-oldest-waiting"
const CHECK_WAITING_SCHEDULER = "af-alerts-check-oldest-waiting"
/** an alert is retried over about 2.3 hours (2 s doubling, 13 tries): a lost alert repeats the silence it reports */
export const ALERT_JOB_ATTEMPTS = 13
export const ALERT_BACKOFF_MS = 2_000

interface SendAlertData {
  kind: SideEffectKind
  /** the batch the first attempt took; retries send this one */
  batch?: AlertBatch
  delivered?: AlertChannel[]
}

/**
 * Alerts that reach a person: signals (a job failed for good, a queue waiting too long) are
 * folded per kind and sent as `send-alert` queue jobs of their own (retried), at most one per
 * kind per `minIntervalSeconds`. A scheduler checks the oldest waiting job of each kind.
 * Does nothing at all without the `alerts` option.
 */
export class SideEffectAlerts {
  protected readonly alerts_: AlertsOptions | undefined
  protected readonly queue_: Queue | null = null
  protected readonly folds_: AlertFolds | null = null
  protected worker_: Worker | null = null
  protected mailer_: MailTransport | null = null
  protected closing_: Promise<void> | null = null
  protected announce_: ((batch: AlertBatch) => Promise<void>) | undefined

  constructor(
    producer: RedisClient,
    protected readonly workerConnection_: RedisClient,
    protected readonly options_: AsyncFulfilmentOptions,
    protected readonly logger_: Logger,
    protected readonly queues_: SideEffectQueues
  ) {
    this.alerts_ = options_.alerts
    if (this.alerts_) {
      this.queue_ = new Queue(ALERT_QUEUE_NAME, { connection: producer, prefix: options_.queuePrefix })
      this.folds_ = new AlertFolds(producer, options_.queuePrefix, {
        groupWaitMs: this.alerts_.groupWaitSeconds * 1_000,
        minIntervalMs: this.alerts_.minIntervalSeconds * 1_000,
      })
    }
  }

  /** Counts the signal into the kind's next alert (scheduling it if it is the first). Never throws. */
  async report(kind: SideEffectKind, signal: AlertSignal): Promise<void> {
    if (!this.folds_ || !this.queue_) {
      return
    }
    try {
      const delay = await this.folds_.record(kind, signal)
      if (delay !== null) {
        await this.queue_.add(SEND_ALERT, { kind } satisfies SendAlertData, {
          jobId: `alert-${kind}-${Date.now()}`,
          delay,
          attempts: ALERT_JOB_ATTEMPTS,
          backoff: { type: "exponential", delay: ALERT_BACKOFF_MS },
          removeOnComplete: { age: 7 * 86_400, count: 1_000 },
          removeOnFail: { age: 30 * 86_400 },
        })
      }
    } catch (error) {
      this.logger_.error(`[async-fulfilment] could not record a ${kind} alert: ${(error as Error).message}`)
    }
  }

  /**
   * Where Medusa runs background work: the alert worker, and the oldest-waiting check when
   * configured. `announce` hands each alert to the store too (its Admin notification feed).
   */
  async start({ announce }: { announce?: (batch: AlertBatch) => Promise<void> } = {}): Promise<void> {
    if (!this.alerts_ || !this.queue_ || this.worker_) {
      return
    }
    this.announce_ = announce
    const { smtp } = this.options_
    this.mailer_ = this.alerts_.mailTo && smtp ? createMailTransport(smtp) : null
    this.worker_ = new Worker(ALERT_QUEUE_NAME, (job: Job) => this.process(job), {
      connection: this.workerConnection_,
      prefix: this.options_.queuePrefix,
      concurrency: 1,
    })
    this.worker_.on("error", (error) => this.logger_.error(`[async-fulfilment] alert worker: ${error.message}`))
    this.worker_.on("failed", (job, error) =>
      this.logger_.warn(`[async-fulfilment] alert ${job?.id} not delivered (attempt ${job?.attemptsMade}): ${error.message}`)
    )
    const threshold = this.alerts_.oldestWaitingSeconds
    if (threshold) {
      const every = Math.min(60, Math.ceil(threshold / 2)) * 1_000
      await this.queue_.upsertJobScheduler(CHECK_WAITING_SCHEDULER, { every }, {
        name: CHECK_WAITING,
        opts: { removeOnComplete: true, removeOnFail: { count: 100 } },
      })
    } else {
      await this.queue_.removeJobScheduler(CHECK_WAITING_SCHEDULER)
    }
    await this.worker_.waitUntilReady()
  }

  protected async process(job: Job): Promise<unknown> {
    if (job.name === CHECK_WAITING) {
      return this.checkOldestWaiting()
    }
    const data = job.data as SendAlertData
    const batch = data.batch ?? (await this.folds_!.take(data.kind))
    if (!batch) {
      return { sent: false }
    }
    const delivered = [...(data.delivered ?? [])]
    await job.updateData({ ...data, batch, delivered })
    await deliverAlert(
      batch,
      {
        webhookUrl: this.alerts_!.webhookUrl,
        mailTo: this.alerts_!.mailTo,
        mailFrom: this.options_.smtp?.from,
        mailer: this.mailer_,
        announce: this.announce_,
      },
      delivered,
      async (channel) => {
        delivered.push(channel)
        await job.updateData({ ...data, batch, delivered })
      }
    )
    this.logger_.info(`[async-fulfilment] alert sent for ${batch.kind} (${batch.failed} failed, ${batch.waiting_checks} waiting checks)`)
    return { sent: true, kind: batch.kind, failed: batch.failed, delivered }
  }

  /** Reports each kind whose oldest waiting queue job has waited past the threshold. */
  protected async checkOldestWaiting(): Promise<Record<string, number | null>> {
    const thresholdMs = this.alerts_!.oldestWaitingSeconds! * 1_000
    const now = Date.now()
    const ages: Record<string, number | null> = {}
    for (const kind of enabledSideEffectKinds(this.options_)) {
      const queue = this.queues_.queue(kind)
      const [oldest] = await queue.getJobs(["wait", "paused", "prioritized"], 0, 0, true)
      const age = oldest ? now - oldest.timestamp : null
      ages[kind] = age
      if (age !== null && age > thresholdMs) {
        const counts = await queue.getJobCounts("wait", "paused", "prioritized")
        const waiting = counts.wait + counts.paused + counts.prioritized
        await this.report(kind, { reason: "waiting", oldest_waiting_seconds: Math.round(age / 1_000), waiting })
      }
    }
    return ages
  }

  close(): Promise<void> {
    this.closing_ ??= (async () => {
      await Promise.allSettled([this.worker_?.close(), this.queue_?.close()])
      this.mailer_?.close()
    })()
    return this.closing_
  }
}
