import { writeFileSync } from "fs"
import path from "path"
import { adminToken, fetchStoreRequest, orderSideEffects, placeOrderThroughStoreApi, Shopper } from "../../store-client"
import { waitFor } from "../../dev-support/wait-for"
import { MedusaProcess, ProcessStoreRun } from "./support/process-store"
import { OtlpReceiver, ReceivedSpan, renderTrace } from "./support/otlp-receiver"

const artifacts = path.resolve(__dirname, "../artifacts/processes/order-trace")
const admin = { email: "tracer@store.test", password: "supersecret-tracer" }
const shopper = (email: string): Shopper => ({
  email,
  first_name: "Zofia",
  last_name: "Tracewska",
  country_code: "pl",
  currency: "pln",
  items: [{ variant: "tshirt", quantity: 1 }],
})
const ERROR = 2

/**
 * One OpenTelemetry trace per order across processes: the store's instrumentation.ts (Medusa's
 * registerOtel, OTLP/HTTP JSON) in a server-mode and a worker-mode `medusa start`, exporting to a
 * receiver in this test. The checkout's HTTP span (server) is the root of the schedule span and
 * of every attempt of the order's invoice, mail and ERP jobs (worker).
 */
describe("one trace per order, checkout to every side effect", () => {
  const store = new ProcessStoreRun(artifacts, { lockMs: 4_000, stalledIntervalMs: 2_000, erpDelayMs: { min: 5, max: 20 } })
  const otlp = new OtlpReceiver()
  let server: MedusaProcess
  let token: string
  /** what the ERP answers the first call of the next order it has not seen (then the idempotent ERP answers) */
  const firstAnswers: number[] = []
  const seen = new Set<string>()

  beforeAll(async () => {
    const port = await otlp.listen()
    await store.prepare()
    await store.cli(["user", "-e", admin.email, "-p", admin.password])
    // a scripted answer per order (first the queue, then the fixture's idempotent ERP); 201 when none is left
    const idempotent = (store.erp as any).responder_
    store.erp.respondWith((call) => {
      const orderId = call.body?.order_id
      const scripted = !seen.has(orderId) ? firstAnswers.shift() : undefined
      seen.add(orderId)
      return scripted ? { status: scripted, body: { error: `scripted ${scripted}` } } : idempotent(call)
    })
    const otel = (service: string) => ({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`,
      OTEL_SERVICE_NAME: service,
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `http://127.0.0.1:${port}/v1/metrics`,
      OTEL_METRIC_EXPORT_INTERVAL: "1000",
      OTEL_LOGS_EXPORTER: "none",
    })
    server = await store.start("server", "server", otel("store-server"))
    await store.start("worker", "worker", otel("store-worker"))
    token = await adminToken(server.baseUrl, admin.email, admin.password)
  })

  afterAll(async () => {
    await store.stop()
    await otlp.close()
  })

  const placeOrder = (email: string) =>
    placeOrderThroughStoreApi(fetchStoreRequest(server.baseUrl, store.fixture.publishableKey), store.fixture, shopper(email))
  const ours = (spans: ReceivedSpan[], orderId: string) => spans.filter((span) => span.attributes["order.id"] === orderId)
  // a run that found its dependency not done (the ERP sync before the invoice) is put back without an attempt
  const attemptsOf = (spans: ReceivedSpan[], kind: string) =>
    spans.filter((span) => span.name === `async-fulfilment.${kind}` && !span.attributes["job.waiting_for_dependency"]).sort((a, b) => Number(a.attributes["job.attempt"]) - Number(b.attributes["job.attempt"]))
  const childOf = (spans: ReceivedSpan[], parent: ReceivedSpan, name: string) =>
    spans.filter((span) => span.parentSpanId === parent.spanId && span.name === name)
  const ancestors = (spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] => {
    const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId)
    return parent ? [parent, ...ancestors(spans, parent)] : []
  }

  it("joins the checkout's HTTP span, the schedule span and the invoice, mail and ERP spans (an ERP 503, then 200) in one trace", async () => {
    const email = "zofia.trace@example.com"
    firstAnswers.push(503)
    const placed = await placeOrder(email)
    const trace = await waitFor(
      "the order's trace with two ERP attempts, the invoice and the mail",
      async () => {
        const schedule = ours(otlp.spans, placed.id).find((span) => span.name === "async-fulfilment.schedule")
        const spans = schedule ? otlp.trace(schedule.traceId) : []
        const done = attemptsOf(spans, "erp").length === 2 && attemptsOf(spans, "invoice").length && attemptsOf(spans, "mail").length
        return done && schedule ? { schedule, spans } : null
      },
      { timeoutMs: 90_000, intervalMs: 250 }
    )
    // the exporter sends each span as it ends: the last client spans may trail their attempt by a moment
    await waitFor("the ERP's client spans", async () => otlp.trace(trace.schedule.traceId).filter((s) => s.name === "POST").length === 2)
    const spans = otlp.trace(trace.schedule.traceId)
    const rendered = renderTrace(spans)
    writeFileSync(path.join(artifacts, "order-trace.txt"), `${rendered}\n`)
    console.log(`the trace of order ${placed.id}:\n${rendered}`)

    const [root] = spans.filter((span) => !span.parentSpanId)
    expect(root).toMatchObject({ service: "store-server", name: expect.stringContaining("/store/carts/:id/complete") })
    expect(spans.filter((span) => !span.parentSpanId)).toHaveLength(1)
    const schedule = trace.schedule
    expect(schedule.service).toBe("store-worker")
    expect(ancestors(spans, schedule).at(-1)).toBe(root)

    const [invoice] = attemptsOf(spans, "invoice")
    const [mail] = attemptsOf(spans, "mail")
    const [erpFailed, erpRetried] = attemptsOf(spans, "erp")
    for (const attempt of [invoice, mail, erpFailed, erpRetried]) {
      // added inside the schedule span (by its workflow's enqueue step, when workflows are traced too)
      expect(ancestors(spans, attempt)).toContain(schedule)
      expect(attempt.service).toBe("store-worker")
      expect(attempt.attributes).toMatchObject({ "order.id": placed.id, "invoice.number": expect.stringMatching(/\S/) })
    }
    expect(invoice.attributes["job.kind"]).toBe("invoice")
    expect(mail.attributes["invoice.number"]).toBe(invoice.attributes["invoice.number"])
    // the mail waits for its invoice: it starts after the invoice attempt ended
    expect(mail.startNs >= invoice.endNs).toBe(true)
    expect(childOf(spans, mail, "async-fulfilment.smtp.send")).toHaveLength(1)

    expect([erpFailed.attributes["job.attempt"], erpRetried.attributes["job.attempt"]]).toEqual([1, 2])
    expect(erpFailed.statusCode).toBe(ERROR)
    expect(erpFailed.events.map((event) => event.name)).toContain("exception")
    expect(erpRetried.statusCode).not.toBe(ERROR)
    const [failedCall] = childOf(spans, erpFailed, "POST")
    const [retriedCall] = childOf(spans, erpRetried, "POST")
    expect(failedCall).toMatchObject({ kind: 3, statusCode: ERROR, attributes: expect.objectContaining({ "http.request.method": "POST", "http.response.status_code": 503, "server.address": "127.0.0.1" }) })
    expect(retriedCall.attributes["http.response.status_code"]).toBe(201)

    // ids only: not the shopper's e-mail or name in any span this plugin writes
    const pluginSpans = spans.filter((span) => span.name.startsWith("async-fulfilment.") || span.name === "POST")
    expect(JSON.stringify(pluginSpans.map((span) => span.attributes))).not.toMatch(/zofia|tracewska/i)
  })

  it("exports the plugin's OTel metrics from the worker through the store's MeterProvider", async () => {
    // the first test's order: one invoice, one mail, an ERP attempt retried (503) then completed
    const worker = { service: "store-worker" }
    const completed = (kind: string) => otlp.points.filter((p) => p.name === "async_fulfilment.jobs.completed" && p.attributes["job.kind"] === kind).at(-1)
    // each counter reaches the receiver with the export after its job's end (every second): wait for all of them
    await waitFor(
      "the worker's job counters",
      async () => otlp.latest("async_fulfilment.jobs.retried", { "job.kind": "erp" }) && ["invoice", "mail", "erp"].every((kind) => completed(kind)),
      { timeoutMs: 30_000 }
    )
    for (const kind of ["invoice", "mail", "erp"]) {
      expect(completed(kind)).toMatchObject({ ...worker, type: "sum", unit: "{job}" })
      expect(completed(kind)!.value).toBeGreaterThanOrEqual(1)
    }
    expect(otlp.latest("async_fulfilment.jobs.retried", { "job.kind": "erp" })).toMatchObject({ ...worker, value: 1, attributes: { "job.kind": "erp", "error.type": "ErpRetryableError" } })
    const duration = otlp.latest("messaging.process.duration", { "job.kind": "erp", "messaging.system": "bullmq" })
    expect(duration).toMatchObject({ ...worker, type: "histogram", unit: "s", attributes: expect.objectContaining({ "messaging.destination.name": "af-erp" }) })
    expect(otlp.latest("async_fulfilment.queue.depth", { "job.kind": "erp", state: "waiting" })).toMatchObject({ ...worker, type: "gauge" })
    expect(otlp.latest("async_fulfilment.queue.oldest_waiting.age", { "job.kind": "mail" })).toMatchObject({ type: "gauge", unit: "s" })
  })

  it("gives an admin's retry its own trace, linked to the order's checkout trace", async () => {
    firstAnswers.push(422)
    const placed = await placeOrder("zofia.retry@example.com")
    await waitFor("the failed ERP job", async () =>
      (await orderSideEffects(server.baseUrl, token, placed.id)).jobs.some((job) => job.kind === "erp" && job.status === "failed")
    )
    const schedule = ours(otlp.spans, placed.id).find((span) => span.name === "async-fulfilment.schedule")!
    const erpJob = (await orderSideEffects(server.baseUrl, token, placed.id)).jobs.find((job) => job.kind === "erp") as unknown as { id: string }
    const retried = await fetch(`${server.baseUrl}/admin/async-fulfilment/jobs/${erpJob.id}/retry`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    })
    expect(retried.status).toBe(200)
    const attempt = await waitFor("the retried ERP attempt", async () =>
      ours(otlp.spans, placed.id).find((span) => span.name === "async-fulfilment.erp" && span.traceId !== schedule.traceId)
    )
    const requeue = otlp.spans.find((span) => span.spanId === attempt.parentSpanId)!
    expect(requeue).toMatchObject({ name: "async-fulfilment.requeue", service: "store-server" })
    expect(requeue.links).toEqual([expect.objectContaining({ traceId: schedule.traceId })])
    expect(attempt.links).toEqual([expect.objectContaining({ traceId: schedule.traceId })])
    const adminRoot = otlp.trace(attempt.traceId).find((span) => !span.parentSpanId)
    expect(adminRoot?.name).toContain("/admin/async-fulfilment/jobs/:id/retry")
    expect(attempt.statusCode).not.toBe(ERROR)
  })
})
