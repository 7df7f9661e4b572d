import http from "http"
import type { AddressInfo } from "net"
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from "@opentelemetry/api"
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks"
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { parseAsyncFulfilmentOptions } from "../../options"
import { TEST_SELLER } from "../../options/__tests__/__fixtures__/test-seller"
import { buildSideEffectFlows } from "../../queues/side-effect-flow"
import { readSideEffectPayload } from "../../queues/payload"
import { captureTraceCarrier, contextOf, spanContextOf } from "../trace-carrier"
import { traceSchedule } from "../schedule-span"
import { traceHttpClientRequest } from "../client-spans"

const options = parseAsyncFulfilmentOptions({
  redisUrl: "redis://127.0.0.1:6379",
  erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
  invoice: { seller: TEST_SELLER },
})
const input = { order_id: "order_1", event_id: "evt_1", kinds: ["invoice", "mail", "erp"] as ("invoice" | "mail" | "erp")[] }
const payloadsOf = (flows: ReturnType<typeof buildSideEffectFlows>) =>
  flows.flatMap((flow) => [flow, ...(flow.children ?? [])]).map((job) => job.data as Record<string, unknown>)
const remote = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
}

describe("trace context without an SDK", () => {
  it("carries nothing: payloads stay exactly as 0.1 wrote them, spans cost a no-op", async () => {
    expect(captureTraceCarrier()).toBeUndefined()
    const result = await traceSchedule("order_1", undefined, async () => buildSideEffectFlows(input, options))
    for (const payload of payloadsOf(result)) {
      expect(Object.keys(payload).sort()).toEqual(["correlation_id", "event_id", "kind", "order_id", "schema_version"])
    }
  })
})

describe("trace carriers", () => {
  it("write and read W3C traceparent and tracestate, and refuse what is not one", () => {
    const sampled = trace.setSpanContext(ROOT_CONTEXT, { ...remote, traceState: undefined })
    expect(captureTraceCarrier(sampled)).toEqual({ traceparent: `00-${remote.traceId}-${remote.spanId}-01` })
    const unsampled = trace.setSpanContext(ROOT_CONTEXT, { ...remote, traceFlags: TraceFlags.NONE })
    // carried with its flags, so that a parent-based sampler drops the jobs' spans as well
    expect(captureTraceCarrier(unsampled)).toEqual({ traceparent: `00-${remote.traceId}-${remote.spanId}-00` })
    expect(spanContextOf(captureTraceCarrier(unsampled))).toMatchObject({ traceFlags: TraceFlags.NONE })
    const carrier = { traceparent: `00-${remote.traceId}-${remote.spanId}-01`, tracestate: "vendor=abc" }
    expect(spanContextOf(carrier)).toMatchObject({ traceId: remote.traceId, spanId: remote.spanId, isRemote: true })
    expect(spanContextOf(carrier)?.traceState?.get("vendor")).toBe("abc")
    for (const bad of [undefined, null, {}, { traceparent: "00-zz" }, { traceparent: `00-${"0".repeat(32)}-${remote.spanId}-01` }]) {
      expect(spanContextOf(bad)).toBeUndefined()
      expect(contextOf(bad)).toBe(ROOT_CONTEXT)
    }
  })

  it("are accepted in a payload beside old payloads without one; a malformed one is refused", () => {
    const old = { schema_version: 1, kind: "erp", order_id: "order_1", correlation_id: "order_1", event_id: null }
    expect(readSideEffectPayload(old, "erp")).toHaveProperty("payload")
    const traced = { ...old, trace: { traceparent: `00-${remote.traceId}-${remote.spanId}-01` } }
    expect(readSideEffectPayload(traced, "erp")).toEqual({ payload: { ...traced, subject: "" } })
    expect(readSideEffectPayload({ ...old, trace: { traceparent: 1 } }, "erp")).toEqual({
      problem: expect.stringContaining("trace.traceparent"),
    })
  })
})

describe("spans with an SDK registered", () => {
  const exporter = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  const contextManager = new AsyncLocalStorageContextManager().enable()

  beforeAll(() => {
    context.setGlobalContextManager(contextManager)
    trace.setGlobalTracerProvider(provider)
  })
  afterEach(() => exporter.reset())
  afterAll(async () => {
    await provider.shutdown()
    trace.disable()
    context.disable()
  })

  it("makes the schedule span the checkout's child and gives every queue job its context", async () => {
    const checkout = { traceparent: `00-${remote.traceId}-${remote.spanId}-01` }
    const flows = await traceSchedule("order_1", checkout, async () => buildSideEffectFlows(input, options))
    const [schedule] = exporter.getFinishedSpans()
    expect(schedule.name).toBe("async-fulfilment.schedule")
    expect(schedule.kind).toBe(SpanKind.PRODUCER)
    expect(schedule.attributes).toEqual({ "order.id": "order_1" })
    expect(schedule.spanContext().traceId).toBe(remote.traceId)
    expect(schedule.parentSpanContext?.spanId).toBe(remote.spanId)
    const payloads = payloadsOf(flows)
    expect(payloads).toHaveLength(3)
    for (const payload of payloads) {
      expect(payload.trace).toEqual({ traceparent: `00-${remote.traceId}-${schedule.spanContext().spanId}-01` })
      expect(readSideEffectPayload(payload, payload.kind as "erp")).toHaveProperty("payload")
    }
  })

  it("records an HTTP client span with the status code, and an error for a 5xx, without the URL's path or query", async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === "/down" ? 503 : 201)
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      for (const path of ["/ok", "/down"]) {
        await traceHttpClientRequest("POST", `${base}${path}?token=secret`, (headers) => fetch(`${base}${path}`, { method: "POST", headers }))
      }
    } finally {
      server.close()
    }
    const [ok, down] = exporter.getFinishedSpans()
    expect(ok).toMatchObject({ name: "POST", kind: SpanKind.CLIENT })
    expect(ok.attributes).toEqual({
      "http.request.method": "POST",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(base).port),
      "http.response.status_code": 201,
    })
    expect(ok.status.code).toBe(SpanStatusCode.UNSET)
    expect(down.attributes["http.response.status_code"]).toBe(503)
    expect(down.status.code).toBe(SpanStatusCode.ERROR)
    expect(JSON.stringify([ok.attributes, down.attributes])).not.toContain("secret")
  })
})
