/**
 * 4. Checkout latency: `POST /store/carts/:id/complete` over real HTTP, one client, back to back,
 *    N completions per variant after a warm-up, p50/p95/p99, for:
 *
 *    (a) no plugin   the same store (same database, same seed, same Redis event bus and workflow
 *                    engine, same File module) started from a generated app directory whose
 *                    medusa-config has no async-fulfilment module and no project `src/` (so no
 *                    order.placed subscriber): what checkout costs without the plugin at all.
 *    (b) plugin      this repository's store: a server-mode process (measured) plus a worker-mode
 *                    process running the subscriber and the workers meanwhile (the topology the
 *                    README recommends); the same with the worker at nice 10 (what the README
 *                    advises when workers share the API server's cores); the same with the worker
 *                    paused (SIGSTOP) during the block and resumed after it (the request path
 *                    alone, as when the workers run on other cores or hosts); one shared-mode
 *                    process doing both (Medusa's default).
 *    (b) traced      a second server + worker pair, on Redis prefixes of its own, with the store's
 *                    instrumentation.ts on (Medusa's registerOtel: HTTP and workflow spans, the plugin's
 *                    schedule, job, SMTP and ERP spans, the plugin's OTel metrics) exporting OTLP/HTTP JSON
 *                    to a receiver in this process: what tracing adds to checkout and to the worker;
 *                    `sampled`: the same pair sampling 10 % of traces (parent-based, as a busy store
 *                    would); `a-traced`: the (a) app with the same instrumentation, so the bench tells
 *                    Medusa's own tracing cost from the plugin's.
 *    (c) inline      the (a) app with a hook on completeCartWorkflow's `orderCreated` (it runs
 *                    inside the workflow, before the response) doing the three side effects one
 *                    after the other: order document (the plugin's query fields and builder),
 *                    the plugin's invoice (model, CII XML, Factur-X PDF/A-3b; no number
 *                    allocation), mail with the PDF (pooled SMTP to the sink), ERP POST (the
 *                    stub answers after 200 ms).
 *
 *    One cart is built beforehand through the store API (cart with items → shipping method →
 *    payment collection → payment session) and copied in SQL for every checkout (clone-carts.ts),
 *    so only the completion is timed. All variants run at once on one database, each on Redis prefixes of its own, and are
 *    measured in turn in blocks (20 checkouts of (a), 20 of (b), …), so the machine's drift falls on
 *    every variant alike. After a plugin block the bench waits until that block's side effects have
 *    settled: the workers run during their own block, never during another variant's.
 *
 * Default variants: a, split, niced, paused, traced, a-traced, c (each costs ~1.5 minutes here);
 * `--variants=a,split,niced,paused,traced,sampled,a-traced,shared,c` runs all.
 *
 *   npm run bench:checkout-latency -- [--n=200] [--warmup=10] [--block=20] [--variants=a,split,traced,a-traced,…]
 */
import { mkdirSync, readdirSync } from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { ProcessStoreRun } from "../integration-tests/processes/support/process-store"
import { fetchStoreRequest, type Shopper, type StoreRequest } from "../store-client"
import { deleteRedisKeys } from "../dev-support/redis-cleanup"
import { cleanUpOnInterrupt, cpuSeconds, flag, loadavgText, printTable, REDIS_URL, runWhenMain, sleep, summarize, writeResult } from "./lib"
import { cloneCart } from "./clone-carts"
import { BaselineStore, baselineApp, removeBaselineApp, startBaselineStore } from "./baseline-app"
import { OtlpReceiver } from "../integration-tests/processes/support/otlp-receiver"

function shoppers(count: number, tag: string): Shopper[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `bench.${tag}.${i}@example.com`,
    first_name: "Zofia",
    last_name: "Wiśniewska",
    country_code: "pl" as const,
    currency: "pln" as const,
    items: [
      { variant: "desk" as const, quantity: 1 },
      { variant: "tshirt" as const, quantity: 2 },
    ],
  }))
}

/**
 * One cart through the storefront's calls, up to the completion: the cart with its items and
 * addresses, the region's first shipping option, the payment collection and session. The bench
 * copies it in SQL (clone-carts.ts) for every checkout it measures.
 */
async function buildTemplateCart(request: StoreRequest, fixture: ProcessStoreRun["fixture"], shopper: Shopper): Promise<string> {
  const address = { first_name: shopper.first_name, last_name: shopper.last_name, address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: shopper.country_code }
  const { cart } = await request("POST", "/store/carts", {
    region_id: fixture.regions[shopper.currency],
    email: shopper.email,
    shipping_address: address,
    billing_address: address,
    items: shopper.items.map((item) => ({ variant_id: fixture.variants[item.variant], quantity: item.quantity })),
  })
  const { shipping_options } = await request("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await request("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await request("POST", "/store/payment-collections", { cart_id: cart.id })
  await request("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
}

interface ReadyCart {
  complete(): Promise<{ id: string }>
}

function readyCarts(request: StoreRequest, cartIds: string[]): ReadyCart[] {
  return cartIds.map((cartId) => ({
    complete: async () => {
      const completed = await request("POST", `/store/carts/${cartId}/complete`)
      if (completed.type !== "order") throw new Error(`checkout did not produce an order: ${JSON.stringify(completed.error ?? completed)}`)
      return completed.order
    },
  }))
}

/** Waits until these orders' side effects are completed or failed; returns how long that took. */
async function waitForSideEffects(db: Client, orderIds: string[], timeoutMs = 180_000): Promise<number> {
  const t0 = Date.now()
  while (Date.now() - t0 < timeoutMs) {
    const { rows: [r] } = await db.query<{ done: string }>(
      `SELECT count(*) AS done FROM af_side_effect_job WHERE order_id = ANY($1) AND status IN ('completed','failed')`,
      [orderIds]
    )
    if (Number(r.done) >= orderIds.length * 3) return Date.now() - t0
    await sleep(100)
  }
  throw new Error(`side effects of ${orderIds.length} orders not settled in ${timeoutMs / 1000} s`)
}

/** Sets the nice value of every thread of a process (Linux applies it per thread). */
function renice(pid: number, nice: number): void {
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    os.setPriority(Number(tid), nice)
  }
}

interface Variant {
  label: string
  url: string
  /** plugin variants: wait after each block until its orders' side effects have settled */
  settles: boolean
  prepared: ReadyCart[]
  /** the processes whose CPU time is counted for this variant's orders */
  processes: { role: string; pid: number }[]
  /** paused (SIGSTOP) during this variant's blocks, resumed before its side effects are awaited */
  paused: number[]
  /** run at nice 10 during this variant's blocks and until their side effects have settled */
  niced: number[]
  cpuSeconds: Record<string, number>
  samples: number[]
  orderIds: string[]
  settleMs: number[]
}

export async function main() {
  const n = flag("n", 200)
  const warmup = flag("warmup", 10)
  const block = flag("block", 20)
  const variantArg = process.argv.find((a) => a.startsWith("--variants="))?.split("=")[1]
  const wanted = new Set((variantArg ?? "a,split,niced,paused,traced,a-traced,c").split(","))
  const artifacts = path.join(__dirname, "results", "checkout-latency")
  mkdirSync(artifacts, { recursive: true })
  const run = new ProcessStoreRun(artifacts, { lockMs: 30_000, stalledIntervalMs: 30_000, erpDelayMs: { min: 200, max: 200 }, maxProcesses: 7 })
  console.log(`checkout-latency: N=${n} per variant after ${warmup} warm-up, interleaved in blocks of ${block}, load average ${loadavgText()}`)
  let baselineDir = ""
  const baselines: BaselineStore[] = []
  const variants: Variant[] = []
  let syncCheck: { erp_calls: number; mails: number; expected: number } | null = null
  const sharedPrefixes = { medusa: `${run.run}-medusa-shared`, queues: `${run.run}-shared` }
  const tracedQueuePrefixes: string[] = []
  const otlp = new OtlpReceiver()
  let otlpPort: Promise<number> | null = null
  // the OTLP/HTTP JSON exporters of a traced variant, to the receiver in this process
  const otel = async (service: string) => {
    otlpPort ??= otlp.listen()
    const port = await otlpPort
    return {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`,
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `http://127.0.0.1:${port}/v1/metrics`,
      OTEL_SERVICE_NAME: service,
      OTEL_LOGS_EXPORTER: "none",
    }
  }
  let openClient: Client | null = null
  const cleanUp = async () => {
    await openClient?.end()
    openClient = null
    if (otlpPort) await otlp.close()
    otlpPort = null
    for (const variant of variants) variant.paused.forEach((pid) => { try { process.kill(pid, "SIGCONT") } catch { /* gone */ } })
    await Promise.all(baselines.map((b) => b.stop()))
    if (baselineDir) removeBaselineApp(baselineDir)
    baselineDir = ""
    await run.stop()
    await deleteRedisKeys(REDIS_URL, [`${sharedPrefixes.queues}:`, ...tracedQueuePrefixes, `${run.run}-medusa-`])
  }
  cleanUpOnInterrupt(cleanUp)
  try {
    await run.prepare()
    const env = (run as unknown as { baseEnv_: NodeJS.ProcessEnv }).baseEnv_
    const add = (label: string, url: string, settles: boolean, processes: Variant["processes"], { paused = [] as number[], niced = [] as number[] } = {}) =>
      variants.push({ label, url, settles, processes, paused, niced, cpuSeconds: {}, prepared: [], samples: [], orderIds: [], settleMs: [] })

    // Every variant is up at once, each on Redis prefixes of its own (a shared-mode process takes
    // the events and jobs of its prefix), all on one database; only one is measured at a time.
    baselineDir = baselineApp()
    const startBaseline = async (label: string, sync: boolean, extraEnv: NodeJS.ProcessEnv = {}) => {
      const store = await startBaselineStore(
        baselineDir,
        { ...env, MEDUSA_WORKER_MODE: "shared", MEDUSA_REDIS_PREFIX: `${run.run}-medusa-${label}`, BENCH_SYNC_EFFECTS: String(sync), ...extraEnv },
        path.join(artifacts, `${label}.log`)
      )
      baselines.push(store)
      return store
    }
    if (wanted.has("a")) {
      const store = await startBaseline("no-plugin", false)
      add("(a) no plugin", store.url, false, [{ role: "server", pid: store.child.pid! }])
    }
    if (wanted.has("split")) {
      const server = await run.start("split-server", "server")
      const worker = await run.start("split-worker", "worker")
      const processes = [{ role: "server", pid: server.pid }, { role: "worker", pid: worker.pid }]
      add("(b) plugin, server + worker process", server.baseUrl, true, processes)
      // the same two processes, the worker paused while the block runs: the request path alone
      if (wanted.has("niced")) {
        add("(b) plugin, server + worker process at nice 10", server.baseUrl, true, processes, { niced: [worker.pid] })
      }
      if (wanted.has("paused")) {
        add("(b) plugin, server alone (worker paused)", server.baseUrl, true, processes, { paused: [worker.pid] })
      }
    }
    const tracedPair = async (name: string, label: string, extraEnv: NodeJS.ProcessEnv = {}) => {
      const prefixes = { MEDUSA_REDIS_PREFIX: `${run.run}-medusa-${name}`, ASYNC_FULFILMENT_QUEUE_PREFIX: `${run.run}-${name}` }
      tracedQueuePrefixes.push(`${prefixes.ASYNC_FULFILMENT_QUEUE_PREFIX}:`)
      const server = await run.start(`${name}-server`, "server", { ...prefixes, ...(await otel("bench-server")), ...extraEnv })
      const worker = await run.start(`${name}-worker`, "worker", { ...prefixes, ...(await otel("bench-worker")), ...extraEnv })
      add(label, server.baseUrl, true, [{ role: "server", pid: server.pid }, { role: "worker", pid: worker.pid }])
    }
    if (wanted.has("traced")) {
      await tracedPair("traced", "(b) plugin, server + worker process, traced (OTLP)")
    }
    if (wanted.has("sampled")) {
      await tracedPair("sampled", "(b) plugin, server + worker process, traced, 10 % sampled", {
        OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
        OTEL_TRACES_SAMPLER_ARG: "0.1",
      })
    }
    if (wanted.has("a-traced")) {
      const store = await startBaseline("no-plugin-traced", false, await otel("bench-baseline"))
      add("(a) no plugin, traced (OTLP)", store.url, false, [{ role: "server", pid: store.child.pid! }])
    }
    if (wanted.has("shared")) {
      const shared = await run.start("shared", "shared" as "server", {
        MEDUSA_REDIS_PREFIX: sharedPrefixes.medusa,
        ASYNC_FULFILMENT_QUEUE_PREFIX: sharedPrefixes.queues,
      })
      add("(b) plugin, one shared process", shared.baseUrl, true, [{ role: "server", pid: shared.pid }])
    }
    if (wanted.has("c")) {
      const store = await startBaseline("sync-inline", true)
      add("(c) side effects inline (orderCreated hook)", store.url, false, [{ role: "server", pid: store.child.pid! }])
    }

    const preparing = Date.now()
    const db = new Client({ connectionString: run.databaseUrl })
    openClient = db
    await db.connect()
    const [template] = shoppers(1, "template")
    const templateCartId = await buildTemplateCart(fetchStoreRequest(variants[0].url, run.fixture.publishableKey), run.fixture, template)
    for (const [i, variant] of variants.entries()) {
      const emails = shoppers(n + warmup, `v${i}`).map((s) => s.email)
      variant.prepared = readyCarts(fetchStoreRequest(variant.url, run.fixture.publishableKey), await cloneCart(db, templateCartId, emails))
    }
    run.timings[`prepare ${variants.length * (n + warmup)} carts`] = Date.now() - preparing
    const measuring = Date.now()

    const erpBefore = run.erp.documents.size
    const mailsBefore = run.smtp.received.length
      // Blocks of `block` checkouts, variant after variant, so drift in the machine's load falls on all alike.
      for (let start = 0; start < n + warmup; start += block) {
        for (const variant of variants) {
          const placed: string[] = []
          const cpuBefore = variant.processes.map((p) => cpuSeconds(p.pid))
          variant.niced.forEach((pid) => renice(pid, 10))
          variant.paused.forEach((pid) => process.kill(pid, "SIGSTOP"))
          for (const checkout of variant.prepared.slice(start, start + block)) {
            const index = start + placed.length
            const t0 = performance.now()
            const order = await checkout.complete()
            const ms = performance.now() - t0
            placed.push(order.id)
            if (index >= warmup) {
              variant.samples.push(ms)
              variant.orderIds.push(order.id)
            }
          }
          variant.paused.forEach((pid) => process.kill(pid, "SIGCONT"))
          if (variant.settles) variant.settleMs.push(await waitForSideEffects(db, placed))
          variant.niced.forEach((pid) => renice(pid, 0))
          if (start >= warmup) {
            variant.processes.forEach((p, k) => {
              variant.cpuSeconds[p.role] = (variant.cpuSeconds[p.role] ?? 0) + cpuSeconds(p.pid) - cpuBefore[k]
            })
          }
        }
      }
    run.timings["measure (blocks and settling)"] = Date.now() - measuring
    const syncVariant = variants.find((v) => v.label.startsWith("(c)"))
    if (syncVariant) {
      // the (c) orders' mails and ERP documents: every other variant's come from the workers
      const pluginOrders = variants.filter((v) => v.settles).length * (n + warmup)
      syncCheck = {
        erp_calls: run.erp.documents.size - erpBefore - pluginOrders,
        mails: run.smtp.received.length - mailsBefore - pluginOrders,
        expected: n + warmup,
      }
    }

    const perOrder = (v: Variant, role: string) => ((v.cpuSeconds[role] ?? NaN) * 1000) / v.samples.length
    const base = variants.find((v) => v.label.startsWith("(a)"))
    const baseStats = base ? summarize(base.samples) : null
    const rows = variants.map((v) => {
      const s = summarize(v.samples)
      return {
        variant: v.label,
        n: s.n,
        "p50 ms": s.p50,
        "p95 ms": s.p95,
        "p99 ms": s.p99,
        "max ms": s.max,
        "p50 ÷ (a)": baseStats ? s.p50 / baseStats.p50 : null,
        "p99 ÷ (a)": baseStats ? s.p99 / baseStats.p99 : null,
        "p50 − (a) ms": baseStats ? s.p50 - baseStats.p50 : null,
        "effects settled after a block, max s": v.settles ? Math.max(...v.settleMs) / 1000 : null,
        "server cpu ms/order": perOrder(v, "server"),
        "worker cpu ms/order": v.cpuSeconds.worker === undefined ? null : perOrder(v, "worker"),
      }
    })
    printTable(`POST /store/carts/:id/complete, one client, back to back, N=${n} per variant, interleaved blocks of ${block}`, rows)
    const plugin = variants.find((v) => v.label.includes("server + worker process"))
    if (syncVariant && plugin) {
      const [c, b] = [summarize(syncVariant.samples), summarize(plugin.samples)]
      console.log(`\n(c) ÷ (b, server + worker): p50 ${(c.p50 / b.p50).toFixed(2)}, p99 ${(c.p99 / b.p99).toFixed(2)}`)
    }
    // tracing on ÷ off: each traced variant beside the same topology untraced, measured in the same blocks
    const untraced = (v: Variant) =>
      variants.find((u) => u.label === (v.label.startsWith("(a)") ? "(a) no plugin" : "(b) plugin, server + worker process"))
    const tracing: Record<string, Record<string, number | null>> = {}
    for (const on of variants.filter((v) => v.label.includes("traced"))) {
      const off = untraced(on)
      if (!off) continue
      const [a, b] = [summarize(on.samples), summarize(off.samples)]
      const orders = new Set(on.orderIds)
      tracing[on.label] = {
        p50_ratio: a.p50 / b.p50,
        p99_ratio: a.p99 / b.p99,
        server_cpu_ratio: perOrder(on, "server") / perOrder(off, "server"),
        worker_cpu_ratio: on.cpuSeconds.worker === undefined ? null : perOrder(on, "worker") / perOrder(off, "worker"),
        worker_cpu_ms_added: on.cpuSeconds.worker === undefined ? null : perOrder(on, "worker") - perOrder(off, "worker"),
        spans_with_order_id_per_order: otlp.spans.filter((span) => orders.has(String(span.attributes["order.id"]))).length / on.orderIds.length,
      }
    }
    const tracingRows = Object.entries(tracing).map(([variant, t]) => ({
      "traced variant ÷ the same untraced": variant,
      "p50 ×": t.p50_ratio,
      "p99 ×": t.p99_ratio,
      "server cpu/order ×": t.server_cpu_ratio,
      "worker cpu/order ×": t.worker_cpu_ratio,
      "worker cpu ms/order added": t.worker_cpu_ms_added,
      "spans with order.id per order": t.spans_with_order_id_per_order,
    }))
    if (tracingRows.length) printTable(`tracing on ÷ off (${otlp.spans.length} spans received in all)`, tracingRows)
    const pluginTraced = tracing["(b) plugin, server + worker process, traced (OTLP)"]
    const baselineTraced = tracing["(a) no plugin, traced (OTLP)"]
    if (pluginTraced && baselineTraced) {
      console.log(`checkout p50, what tracing costs with the plugin ÷ without it: ${(pluginTraced.p50_ratio! / baselineTraced.p50_ratio!).toFixed(3)}`)
    }
    if (syncCheck) {
      console.log(`(c) did its side effects inline: ${syncCheck.mails} mails and ${syncCheck.erp_calls} ERP documents for ${syncCheck.expected} checkouts`)
    }
    console.log(`\nphases (ms): ${JSON.stringify(run.timings)}`)
    console.log(`load average after: ${loadavgText()}`)
    writeResult("checkout-latency", {
      n,
      warmup,
      block,
      sync_inline_check: syncCheck,
      tracing: Object.keys(tracing).length ? tracing : null,
      variants: Object.fromEntries(variants.map((v) => [v.label, { ...summarize(v.samples), settle_ms_max: v.settles ? Math.max(...v.settleMs) : null }])),
      timings: run.timings,
    })
  } finally {
    await cleanUp()
  }
}

runWhenMain(module, main)
