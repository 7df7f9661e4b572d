/**
 * 2(b) and 4. A burst drained by the REAL processors in real worker-mode Medusa processes: invoice
 * (number allocated in Postgres, PDF rendered, stored by the File module), mail (SMTP, with the
 * PDF attached, to the fixtures' in-process SMTP sink) and ERP (signed POST to the fixtures' ERP
 * stub, made to answer after 200 ms).
 *
 * Reuses integration-tests/processes/support (ProcessStoreRun: own database, migrations, seed,
 * own Redis prefixes, SMTP sink, slow idempotent ERP). One real order is placed through the store
 * API (server + worker process) as the template; both are then stopped. For every setting, N
 * copies of its order document (new order ids) are recorded in Postgres exactly as
 * recordOrderSideEffects does (af_order_snapshot + three `queued` af_side_effect_job rows), the
 * setting's worker processes are started (MEDUSA_WORKER_MODE=worker, ASYNC_FULFILMENT_CONCURRENCY
 * for every kind), the N orders are enqueued at once through the module's queue path
 * (SideEffectQueues.enqueue) and the drain is timed. Settings: worker concurrency 1, 4 and 16 in
 * one process, the same with the worker's V8 heap capped at 256 MiB (`:h256`, what the README advises
 * for worker processes), then 2 and 4 processes at concurrency 16 (scaling).
 *
 *   npm run bench:burst-drain-real -- [--orders=300] [--settings=1x1,1x4,1x16,1x16:h256,2x16,4x16]
 */
import path from "path"
import IORedis from "ioredis"
import { Client } from "pg"
import { ProcessStoreRun } from "../integration-tests/processes/support/process-store"
import { QueueWatch } from "../integration-tests/processes/support/queue-watch"
import { fetchStoreRequest, placeOrderThroughStoreApi, Shopper } from "../store-client"
import { SideEffectQueues } from "../src/modules/async-fulfilment/queues/side-effect-queues"
import { sideEffectJobId } from "../src/modules/async-fulfilment/queues/names"
import { SIDE_EFFECT_KINDS } from "../src/modules/async-fulfilment/types/side-effect"
import { baselineApp, removeBaselineApp, startBaselineStore } from "./baseline-app"
import { benchOptions, cleanUpOnInterrupt, cpuSeconds, flag, loadavgText, mib, printTable, REDIS_URL, runWhenMain, sleep, treeRss, usedMemory, writeResult } from "./lib"

const shopper: Shopper = {
  email: "bench.buyer@example.com",
  first_name: "Zofia",
  last_name: "Wiśniewska",
  country_code: "pl",
  currency: "pln",
  items: [
    { variant: "desk", quantity: 1 },
    { variant: "tshirt", quantity: 2 },
  ],
}

async function statusCounts(db: Client, like: string) {
  const { rows } = await db.query<{ kind: string; status: string; n: string; max_attempts_made: number }>(
    `SELECT kind, status, count(*) AS n, max(attempts) AS max_attempts_made FROM af_side_effect_job
     WHERE order_id LIKE $1 AND deleted_at IS NULL GROUP BY kind, status`,
    [like]
  )
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

interface Setting {
  processes: number
  concurrency: number
  /** --max-old-space-size of the worker processes, when capped */
  heapMiB?: number
}

const WARMUP_ORDERS_PER_PROCESS = 30
const DEFAULT_SETTINGS = "1x1,1x4,1x16,1x16:h256,2x16,4x16"

const settingName = (s: Setting) => `${s.processes} × c${s.concurrency}${s.heapMiB ? `, heap ${s.heapMiB} MiB` : ""}`

function parseSettings(): Setting[] {
  const raw = process.argv.find((a) => a.startsWith("--settings="))?.split("=")[1] ?? DEFAULT_SETTINGS
  return raw.split(",").map((item) => {
    const match = /^(\d+)x(\d+)(?::h(\d+))?$/.exec(item)
    if (!match) throw new Error(`bad setting ${item}: use <processes>x<concurrency>[:h<heap MiB>]`)
    const [processes, concurrency, heapMiB] = match.slice(1).map((v) => (v === undefined ? undefined : Number(v)))
    return { processes: processes!, concurrency: concurrency!, heapMiB }
  })
}

/** N copies of the template's document, recorded as recordOrderSideEffects records them. */
async function recordCopies(db: Client, template: { document: Record<string, unknown> }, ids: string[], displayBase: number, attempts: Record<string, number>) {
  await db.query("BEGIN")
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const snaps = chunk.map((id, k) => {
      const displayId = displayBase + i + k
      return [`afsnap_${id}`, id, displayId, template.document.currency_code, 1, JSON.stringify({ ...template.document, order_id: id, display_id: displayId })]
    })
    await db.query(
      `INSERT INTO af_order_snapshot (id, order_id, display_id, currency_code, schema_version, document)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[])`,
      [0, 1, 2, 3, 4, 5].map((c) => snaps.map((s) => s[c]))
    )
    const rows = chunk.flatMap((id, k) =>
      SIDE_EFFECT_KINDS.map((kind) => [`afjob_${kind}_${id}`, id, displayBase + i + k, kind, "queued", sideEffectJobId(kind, id), attempts[kind]])
    )
    await db.query(
      `INSERT INTO af_side_effect_job (id, order_id, order_display_id, kind, status, bullmq_job_id, max_attempts)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[])`,
      [0, 1, 2, 3, 4, 5, 6].map((c) => rows.map((r) => r[c]))
    )
  }
  await db.query("COMMIT")
}

async function drainOnce(
  run: ProcessStoreRun,
  db: Client,
  template: { document: Record<string, unknown> },
  setting: Setting,
  index: number,
  orders: number,
  timeoutMs: number
) {
  const tag = `order_b${index}x`
  const warmTag = `order_b${index}w`
  const options = benchOptions(run.queuePrefix)
  const attempts = Object.fromEntries(SIDE_EFFECT_KINDS.map((k) => [k, options.jobs[k].attempts]))
  const ids = Array.from({ length: orders }, (_, i) => `${tag}${String(i).padStart(8, "0")}`)
  // a small untimed burst first, so every fresh process has compiled its hot paths (JIT) before the clock starts
  const warmIds = Array.from({ length: WARMUP_ORDERS_PER_PROCESS * setting.processes }, (_, i) => `${warmTag}${String(i).padStart(8, "0")}`)
  await recordCopies(db, template, ids, 100_000 * (index + 1), attempts)
  await recordCopies(db, template, warmIds, 100_000 * (index + 1) + 50_000, attempts)

  const workers = await Promise.all(
    Array.from({ length: setting.processes }, (_, p) =>
      run.start(`worker-${setting.processes}x${setting.concurrency}-${p}`, "worker", {
        ASYNC_FULFILMENT_CONCURRENCY: String(setting.concurrency),
        ...(setting.heapMiB ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${setting.heapMiB}`.trim() } : {}),
      })
    )
  )
  const admin = new IORedis(REDIS_URL)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2 })
  const watch = new QueueWatch(REDIS_URL, run.queuePrefix)
  const queues = new SideEffectQueues(producer, options)
  try {
    await Promise.all(warmIds.map((order_id) => queues.enqueue({ order_id, event_id: null, kinds: [...SIDE_EFFECT_KINDS] })))
    const warmDeadline = Date.now() + timeoutMs
    const settledOf = (rows: { status: string; n: number }[]) => rows.filter((r) => r.status === "completed" || r.status === "failed").reduce((a, r) => a + r.n, 0)
    while (settledOf(await statusCounts(db, `${warmTag}%`)) < warmIds.length * 3) {
      if (Date.now() > warmDeadline) throw new Error(`warm-up burst of ${warmIds.length} orders not drained`)
      await sleep(250)
    }
    await watch.start()
    const redisBefore = await usedMemory(admin)
    const rssBefore = Math.max(...workers.map((w) => treeRss(w.pid)))
    let rssPeak = rssBefore
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, ...workers.map((w) => treeRss(w.pid)))), 100)
    const cpuBefore = workers.map((w) => cpuSeconds(w.pid))
    const mailsBefore = run.smtp.received.length

    const t0 = Date.now()
    await Promise.all(ids.map((order_id) => queues.enqueue({ order_id, event_id: null, kinds: [...SIDE_EFFECT_KINDS] })))
    const enqueueMs = Date.now() - t0
    const redisLoaded = await usedMemory(admin)

    let counts = await statusCounts(db, `${tag}%`)
    const settled = () => counts.filter((r) => r.status === "completed" || r.status === "failed").reduce((a, r) => a + r.n, 0)
    while (settled() < orders * 3 && Date.now() - t0 < timeoutMs) {
      await sleep(250)
      counts = await statusCounts(db, `${tag}%`)
    }
    const drainMs = Date.now() - t0
    clearInterval(sampler)
    const workerCpuS = workers.reduce((a, w, i) => a + cpuSeconds(w.pid) - cpuBefore[i], 0)
    await sleep(1000) // the last QueueEvents entries
    const redisAfter = await usedMemory(admin)
    const rssAfter = Math.max(...workers.map((w) => treeRss(w.pid)))

    // zero lost / zero duplicated, from every side
    const benchEvents = watch.events.filter((e) => e.jobId.includes(tag))
    const completedPerJob = new Map<string, number>()
    for (const e of benchEvents.filter((e) => e.event === "completed")) completedPerJob.set(e.jobId, (completedPerJob.get(e.jobId) ?? 0) + 1)
    const { rows: [inv] } = await db.query<{ n: string; distinct_numbers: string }>(
      `SELECT count(*) AS n, count(DISTINCT number) AS distinct_numbers FROM af_invoice WHERE order_id LIKE $1 AND file_id IS NOT NULL`,
      [`${tag}%`]
    )
    const mails = run.smtp.received.slice(mailsBefore)
    const mailOrders = new Set(mails.map((m) => new RegExp(`${tag}\\d+`).exec(m.parsed.messageId ?? "")?.[0]).filter(Boolean))
    const erpDocs = [...run.erp.documents.values()].filter((d) => d.orderId?.startsWith(tag))
    const jobsPerS = (kind: string) => {
      const done = benchEvents.filter((e) => e.kind === kind && e.event === "completed").map((e) => e.at).sort((a, b) => a - b)
      return done.length ? (done.length / (done[done.length - 1] - t0)) * 1000 : 0
    }
    return {
      setting: settingName(setting),
      processes: setting.processes,
      concurrency: setting.concurrency,
      orders,
      "enqueue ms": enqueueMs,
      "drain s": drainMs / 1000,
      "jobs/s": (orders * 3 * 1000) / drainMs,
      "invoice/s": jobsPerS("invoice"),
      "mail/s": jobsPerS("mail"),
      "erp/s": jobsPerS("erp"),
      "worker cpu ms/order": (workerCpuS * 1000) / orders,
      lost: orders * 3 - counts.filter((r) => r.status === "completed").reduce((a, r) => a + r.n, 0),
      "dup completions": [...completedPerJob.values()].reduce((a, n) => a + n - 1, 0),
      "invoices (distinct nos)": `${inv.n} (${inv.distinct_numbers})`,
      "mails (orders)": `${mails.length} (${mailOrders.size})`,
      "erp docs (dup)": `${erpDocs.length} (${erpDocs.reduce((a, d) => a + d.deliveries - 1, 0)})`,
      "redis MiB before/loaded/after": `${mib(redisBefore)}/${mib(redisLoaded)}/${mib(redisAfter)}`,
      "rss MiB before": mib(rssBefore),
      "rss peak": mib(rssPeak),
      "rss after": mib(rssAfter),
    }
  } finally {
    await watch.close().catch(() => undefined)
    await queues.close().catch(() => undefined)
    producer.disconnect()
    admin.disconnect()
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

/** RSS of an idle worker-mode Medusa, 5 s after /health, without the plugin and with it. */
async function idleWorkerRss(run: ProcessStoreRun, artifacts: string) {
  const env = (run as unknown as { baseEnv_: NodeJS.ProcessEnv }).baseEnv_
  const dir = baselineApp()
  try {
    const bare = await startBaselineStore(dir, { ...env, MEDUSA_WORKER_MODE: "worker", MEDUSA_REDIS_PREFIX: `${run.run}-medusa-bare` }, path.join(artifacts, "idle-no-plugin.log"))
    await sleep(5000)
    const withoutPlugin = mib(treeRss(bare.child.pid!))
    await bare.stop()
    const worker = await run.start("idle-worker", "worker")
    await sleep(5000)
    const withPlugin = mib(treeRss(worker.pid))
    await worker.terminate()
    return { withoutPlugin, withPlugin }
  } finally {
    removeBaselineApp(dir)
  }
}

export async function main() {
  const orders = flag("orders", 300)
  const timeoutMs = flag("timeout-s", 600) * 1000
  const settings = parseSettings()
  const artifacts = path.join(__dirname, "results", "burst-drain-real")
  const maxProcesses = Math.max(2, ...settings.map((s) => s.processes))
  const run = new ProcessStoreRun(artifacts, { lockMs: 30_000, stalledIntervalMs: 30_000, erpDelayMs: { min: 200, max: 200 }, maxProcesses })
  console.log(`burst-drain-real: ${orders} orders per setting (${settings.map(settingName).join("; ")}), load average ${loadavgText()}`)
  let db: Client | null = null
  const rows: Record<string, unknown>[] = []
  const cleanUp = async () => {
    await db?.end().catch(() => undefined)
    await run.stop()
  }
  cleanUpOnInterrupt(cleanUp)
  try {
    await run.prepare()
    db = new Client({ connectionString: run.databaseUrl })
    await db.connect()

    // the template: one real order, through the store API, its side effects run by the worker
    const server = await run.start("server", "server")
    const worker = await run.start("worker", "worker")
    const request = fetchStoreRequest(server.baseUrl, run.fixture.publishableKey)
    const placed = await placeOrderThroughStoreApi(request, run.fixture, shopper)
    const deadline = Date.now() + 60_000
    const completedOf = (r: { status: string; n: number }[]) => r.filter((x) => x.status === "completed").reduce((a, x) => a + x.n, 0)
    while (completedOf(await statusCounts(db, placed.id)) !== 3) {
      if (Date.now() > deadline) throw new Error(`template order ${placed.id} not completed in 60 s; see ${artifacts}`)
      await sleep(250)
    }
    await server.terminate()
    await worker.terminate()
    const { rows: [template] } = await db.query<{ document: Record<string, unknown> }>(
      `SELECT document FROM af_order_snapshot WHERE order_id = $1`,
      [placed.id]
    )

    const idle = await idleWorkerRss(run, artifacts)
    console.log(`  idle worker-mode process RSS: ${idle.withoutPlugin} MiB without the plugin, ${idle.withPlugin} MiB with it`)

    for (const [index, setting] of settings.entries()) {
      const row = await drainOnce(run, db, template, setting, index, orders, timeoutMs)
      rows.push({ ...row, "load avg": loadavgText() })
      console.log(`  ${row.setting}: ${row["drain s"]} s, ${(row["jobs/s"] as number).toFixed(1)} jobs/s, lost ${row.lost}, dup ${row["dup completions"]}`)
    }
    const base = rows.find((r) => r.setting === "1 × c16") ?? rows[0]
    const table = rows.map((r) => ({ ...r, "jobs/s ÷ 1×c16": (r["jobs/s"] as number) / (base["jobs/s"] as number) }))
    printTable(`Real processors, ${orders} orders (${orders * 3} jobs) per setting; ERP answers after 200 ms`, table)
    console.log(`\nload average after: ${loadavgText()}`)
    console.log(`idle worker-mode process RSS (5 s after /health): ${idle.withoutPlugin} MiB without the plugin, ${idle.withPlugin} MiB with it`)
    writeResult("burst-drain-real", { orders, idle_worker_rss_mib: idle, settings: table, timings: run.timings })
  } finally {
    await cleanUp()
  }
}

runWhenMain(module, main)
