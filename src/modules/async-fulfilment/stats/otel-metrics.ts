import { type Attributes, type Counter, type Histogram, type Meter, metrics } from "@opentelemetry/api"
import { DelayedError, type Job } from "bullmq"
import type { SideEffectQueues } from "../queues/side-effect-queues"
import type { SideEffectKind } from "../types/side-effect"
import { isFinalAttempt, retrySettingsOf } from "../retry-policy"

export const METER_NAME = "medusa-plugin-async-fulfilment"

/**
 * Metric names. Where the OpenTelemetry messaging conventions have one it is used
 * (`messaging.process.duration`, `messaging.system`, `messaging.destination.name`, `error.type`);
 * the outcomes, depth and age of a queue have none, so they are ours under `async_fulfilment.`.
 */
export const METRIC_NAMES = {
  processDuration: "messaging.process.duration",
  completed: "async_fulfilment.jobs.completed",
  failed: "async_fulfilment.jobs.failed",
  retried: "async_fulfilment.jobs.retried",
  queueDepth: "async_fulfilment.queue.depth",
  oldestWaitingAge: "async_fulfilment.queue.oldest_waiting.age",
} as const

export type AttemptOutcome = "completed" | "retried" | "failed" | "waiting"

interface Instruments {
  duration: Histogram
  counters: Record<Exclude<AttemptOutcome, "waiting">, Counter>
}

/**
 * The plugin's OpenTelemetry metrics. Made when the workers start, after the store's
 * instrumentation registered its MeterProvider (the metrics API has no proxy: a meter taken
 * before that stays a no-op). Without a MeterProvider every instrument is a no-op and the
 * gauges' callbacks never run, so no Redis is read for them.
 */
export class SideEffectMetrics {
  protected readonly meter_: Meter
  protected readonly instruments_: Instruments
  protected observe_: (() => void) | null = null

  constructor(meter: Meter = metrics.getMeter(METER_NAME)) {
    this.meter_ = meter
    const counter = (name: string, description: string) => meter.createCounter(name, { description, unit: "{job}" })
    this.instruments_ = {
      duration: meter.createHistogram(METRIC_NAMES.processDuration, {
        description: "Duration of one attempt of a side-effect queue job",
        unit: "s",
        advice: { explicitBucketBoundaries: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] },
      }),
      counters: {
        completed: counter(METRIC_NAMES.completed, "Side-effect queue jobs completed"),
        failed: counter(METRIC_NAMES.failed, "Side-effect queue jobs that failed for good (after their last attempt)"),
        retried: counter(METRIC_NAMES.retried, "Failed attempts of side-effect queue jobs that will be retried"),
      },
    }
  }

  /** Times one attempt and counts its outcome; what `run` throws or returns passes through. */
  async measureAttempt<T>(job: Job, kind: SideEffectKind, run: () => Promise<T>): Promise<T> {
    const started = performance.now()
    const attributes: Attributes = {
      "messaging.system": "bullmq",
      "messaging.destination.name": job.queueName,
      "messaging.operation.name": "process",
      "job.kind": kind,
    }
    try {
      const result = await run()
      this.record("completed", attributes, started)
      return result
    } catch (error) {
      if (error instanceof DelayedError) {
        this.record("waiting", attributes, started)
      } else {
        const final = isFinalAttempt(job.attemptsMade + 1, retrySettingsOf(job).attempts, error)
        this.record(final ? "failed" : "retried", { ...attributes, "error.type": (error as Error)?.name ?? "Error" }, started)
      }
      throw error
    }
  }

  protected record(outcome: AttemptOutcome, attributes: Attributes, started: number): void {
    // a run put back to wait for its dependency is no attempt: not in the duration either
    if (outcome === "waiting") {
      return
    }
    this.instruments_.duration.record((performance.now() - started) / 1_000, attributes)
    this.instruments_.counters[outcome].add(1, { "job.kind": attributes["job.kind"], ...(attributes["error.type"] ? { "error.type": attributes["error.type"] } : {}) })
  }

  /** Queue depth (waiting, active, delayed) and the oldest waiting job's age per kind, read from BullMQ at each collection. */
  observeQueues(queues: SideEffectQueues, kinds: SideEffectKind[]): void {
    if (this.observe_) {
      return
    }
    const depth = this.meter_.createObservableGauge(METRIC_NAMES.queueDepth, {
      description: "Side-effect queue jobs by state",
      unit: "{job}",
    })
    const age = this.meter_.createObservableGauge(METRIC_NAMES.oldestWaitingAge, {
      description: "Age of the oldest side-effect queue job waiting to run (0 when none waits)",
      unit: "s",
    })
    const callback = async (observer: Parameters<Parameters<Meter["addBatchObservableCallback"]>[0]>[0]) => {
      const now = Date.now()
      await Promise.all(
        kinds.map(async (kind) => {
          const queue = queues.queue(kind)
          const [counts, [oldest]] = await Promise.all([
            queue.getJobCounts("wait", "paused", "prioritized", "waiting-children", "active", "delayed"),
            queue.getJobs(["wait", "paused", "prioritized"], 0, 0, true),
          ])
          const base = { "job.kind": kind, "messaging.destination.name": queue.name }
          observer.observe(depth, counts.wait + counts.paused + counts.prioritized + counts["waiting-children"], { ...base, state: "waiting" })
          observer.observe(depth, counts.active, { ...base, state: "active" })
          observer.observe(depth, counts.delayed, { ...base, state: "delayed" })
          observer.observe(age, oldest ? Math.max(0, now - oldest.timestamp) / 1_000 : 0, base)
        })
      )
    }
    this.meter_.addBatchObservableCallback(callback, [depth, age])
    this.observe_ = () => this.meter_.removeBatchObservableCallback(callback, [depth, age])
  }

  /** Stops reading the queues (the callbacks would outlive the closed queues otherwise). */
  stopObserving(): void {
    this.observe_?.()
    this.observe_ = null
  }
}
