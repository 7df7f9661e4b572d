import { metrics } from "@opentelemetry/api"
import { AggregationTemporality, DataPointType, MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics"
import { UnrecoverableError } from "bullmq"
import IORedis from "ioredis"
import { parseAsyncFulfilmentOptions } from "../../options"
import { TEST_SELLER } from "../../options/__tests__/__fixtures__/test-seller"
import { SideEffectQueues } from "../../queues/side-effect-queues"
import { METRIC_NAMES, SideEffectMetrics } from "../otel-metrics"
import { deleteRedisKeys } from "../../../../../dev-support/redis-cleanup"

class CollectingReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE })
  }
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const prefix = `af-otel-metrics-${process.pid}-${Date.now().toString(36)}`
const options = parseAsyncFulfilmentOptions({
  redisUrl,
  queuePrefix: prefix,
  jobs: { erp: { attempts: 2 } },
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
})

const points = (collected: ResourceMetrics, name: string) =>
  collected.scopeMetrics.flatMap((scope) => scope.metrics).find((metric) => metric.descriptor.name === name)

describe("OpenTelemetry metrics of the side-effect queues", () => {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 2 })
  const queues = new SideEffectQueues(redis, options)
  const reader = new CollectingReader()
  const provider = new MeterProvider({ readers: [reader] })

  afterAll(async () => {
    await provider.shutdown()
    await queues.close()
    redis.disconnect()
    await deleteRedisKeys(redisUrl, [`${prefix}:`])
  })

  it("are no-ops without a MeterProvider: the work runs and its result passes through", async () => {
    const noop = new SideEffectMetrics(metrics.getMeter("no-provider"))
    const job = await queues.queue("erp").add("erp", { order_id: "order_0" }, { attempts: 2 })
    await expect(noop.measureAttempt(job, "erp", async () => "done")).resolves.toBe("done")
    noop.observeQueues(queues, ["erp"])
    noop.stopObserving()
  })

  it("count completed, retried and failed attempts per kind, time them, and observe depth and oldest wait", async () => {
    const measured = new SideEffectMetrics(provider.getMeter("test"))
    measured.observeQueues(queues, ["invoice", "erp"])
    const erp = queues.queue("erp")
    const first = await erp.add("erp", { order_id: "order_1" }, { attempts: 2 })
    await measured.measureAttempt(first, "erp", async () => ({ status: 201 }))
    await expect(measured.measureAttempt(first, "erp", async () => Promise.reject(new Error("ERP answered HTTP 503")))).rejects.toThrow("503")
    await expect(measured.measureAttempt(first, "erp", async () => Promise.reject(new UnrecoverableError("HTTP 422")))).rejects.toThrow("422")
    await new Promise((resolve) => setTimeout(resolve, 50))

    const { resourceMetrics, errors } = await reader.collect()
    expect(errors).toEqual([])
    const sum = (name: string) => points(resourceMetrics, name)!.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value }))
    expect(sum(METRIC_NAMES.completed)).toEqual([{ attributes: { "job.kind": "erp" }, value: 1 }])
    expect(sum(METRIC_NAMES.retried)).toEqual([{ attributes: { "job.kind": "erp", "error.type": "Error" }, value: 1 }])
    expect(sum(METRIC_NAMES.failed)).toEqual([{ attributes: { "job.kind": "erp", "error.type": "UnrecoverableError" }, value: 1 }])
    const duration = points(resourceMetrics, METRIC_NAMES.processDuration)!
    expect(duration.dataPointType).toBe(DataPointType.HISTOGRAM)
    expect(duration.descriptor.unit).toBe("s")
    expect(duration.dataPoints.map((p) => (p.value as { count: number }).count).reduce((a, b) => a + b)).toBe(3)
    expect(duration.dataPoints[0].attributes).toMatchObject({ "messaging.system": "bullmq", "messaging.destination.name": "af-erp", "job.kind": "erp" })

    // the two ERP jobs added here wait (no worker runs them): depth 2 and an age; the invoice queue is empty
    const depth = sum(METRIC_NAMES.queueDepth)
    expect(depth).toContainEqual({ attributes: { "job.kind": "erp", "messaging.destination.name": "af-erp", state: "waiting" }, value: 2 })
    expect(depth).toContainEqual({ attributes: { "job.kind": "invoice", "messaging.destination.name": "af-invoice", state: "waiting" }, value: 0 })
    const ages = sum(METRIC_NAMES.oldestWaitingAge)
    expect(ages.find((p) => p.attributes["job.kind"] === "erp")!.value).toBeGreaterThan(0)
    expect(ages.find((p) => p.attributes["job.kind"] === "invoice")!.value).toBe(0)
    measured.stopObserving()
  })
})
