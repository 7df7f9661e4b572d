import { Job, Worker } from "bullmq"
import type { RedisClient } from "../redis/connections"
import type { Logger } from "@medusajs/framework/types"
import type { AsyncFulfilmentOptions } from "../options"
import { QUEUE_NAMES } from "../queues/names"
import { enabledSideEffectKinds } from "../options"
import { ErpClient } from "../erp/erp-client"
import { createMailTransport } from "../mail/create-mail-transport"
import { createMedusaFileStore } from "../runtime/file-store"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import type { ProcessorDocuments } from "../runtime/processor-documents"
import type { SideEffectJobProgress } from "../runtime/side-effect-job-progress"
import { sideEffectBackoffStrategy } from "../retry-policy"
import { runSideEffectJob } from "./run-side-effect-job"
import { traceSideEffectAttempt } from "../tracing/attempt-span"
import type { SideEffectMetrics } from "../stats/otel-metrics"
import { REVIEW_NOTICE_JOB_NAME } from "../mail/review-notices"
import { runReviewNotice } from "./run-review-notice"

/** What the workers need from the module: the side-effect jobs' progress and the processors' documents. */
export interface WorkerAccess {
  progress: SideEffectJobProgress
  documents: ProcessorDocuments
  /** OpenTelemetry metrics of each attempt (no-ops without a MeterProvider) */
  metrics?: SideEffectMetrics
}

/**
 * One BullMQ worker per kind. Created by the module's loader, started by the service only
 * where Medusa runs background work.
 */
export class SideEffectWorkers {
  protected workers_: Worker[] = []
  protected runtime_: ProcessorRuntime | null = null
  protected closing_: Promise<void> | null = null

  constructor(
    protected readonly connection_: RedisClient,
    protected readonly options_: AsyncFulfilmentOptions,
    protected readonly logger_: Logger
  ) {}

  async start({ progress, documents, metrics }: WorkerAccess): Promise<void> {
    if (this.workers_.length) {
      return
    }
    const runtime = this.buildRuntime(documents)
    this.runtime_ = runtime
    const kinds = enabledSideEffectKinds(this.options_)
    this.workers_ = kinds.map((kind) => {
      const processJob = (job: Job, token?: string) =>
        job.name === REVIEW_NOTICE_JOB_NAME
          ? runReviewNotice(job, runtime)
          : traceSideEffectAttempt(job, kind, () => {
              const run = () => runSideEffectJob(job, kind, runtime, progress, token)
              return metrics ? metrics.measureAttempt(job, kind, run) : run()
            })
      const worker = new Worker(QUEUE_NAMES[kind], processJob, {
        connection: this.connection_,
        prefix: this.options_.queuePrefix,
        concurrency: this.options_.jobs[kind].concurrency,
        lockDuration: this.options_.workers.lockDurationMs,
        stalledInterval: this.options_.workers.stalledIntervalMs,
        maxStalledCount: this.options_.workers.maxStalledCount,
        settings: { backoffStrategy: sideEffectBackoffStrategy },
      })
      worker.on("error", (error) => this.logger_.error(`[async-fulfilment] ${kind} worker: ${error.message}`))
      worker.on("stalled", (jobId) =>
        this.logger_.warn(`[async-fulfilment] ${kind} job ${jobId} stalled (its worker died): it runs again`)
      )
      return worker
    })
    await Promise.all(this.workers_.map((worker) => worker.waitUntilReady()))
    this.logger_.info(`[async-fulfilment] workers started for ${kinds.join(", ")}`)
  }

  protected buildRuntime(documents: ProcessorDocuments): ProcessorRuntime {
    return {
      documents,
      options: this.options_,
      files: createMedusaFileStore(),
      mailer: this.options_.smtp ? createMailTransport(this.options_.smtp) : null,
      erp: new ErpClient(this.options_.erp),
      logger: this.logger_,
    }
  }

  /** Stops taking queue jobs and waits for the active ones to finish; safe to call twice. */
  close(): Promise<void> {
    this.closing_ ??= (async () => {
      await Promise.allSettled(this.workers_.map((worker) => worker.close()))
      this.runtime_?.mailer?.close()
    })()
    return this.closing_
  }
}
