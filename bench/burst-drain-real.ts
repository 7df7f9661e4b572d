/**
 * 2(b). A burst drained by the REAL processors in a real worker-mode Medusa process: invoice
 * (number allocated in Postgres, PDF rendered, stored by the File module), mail (SMTP, with the
 * PDF attached, to the fixtures' in-process SMTP sink) and ERP (signed POST to the fixtures' ERP
 * stub, made to answer after 200 ms).
 *
 * Reuses integration-tests/processes/support (ProcessStoreRun: own database, migrations, seed,
 * own Redis prefixes, SMTP sink, slow idempotent ERP). One real order is placed through the store
 * API (server + worker process) as the template; the server is then stopped, and N copies of its
 * order document (new order ids) are recorded in Postgres exactly as recordOrderSideEffects does
 * (af_order_snapshot + three `queued` af_side_effect_job rows). The N orders are then enqueued at
 * once through the module's queue path (SideEffectQueues.enqueue) and the single worker process
 * drains them with the store's configured concurrency (medusa-config.ts: invoice 2, mail 5,
 * erp 5; it has no environment variable for concurrency, so 1/4/16 cannot be varied here).
 *
 *   npm run bench:burst-drain-real -- [--orders=1000]
 */
import { readFileSync, readdirSync } from "fs"
import path from "path"
import IORedis from "ioredis"
import { Client } from "pg"
import { ProcessStoreRun } from "../integration-tests/processes/support/process-store"
import { QueueWatch } from "../integration-tests/processes/support/queue-watch"
import { placeOrderThroughStoreApi, Shopper } from "../integration-tests/fixtures/place-order"
import { fetchStoreRequest } from "../integration-tests/fixtures/fetch-store-request"
import { SideEffectQueues } from "../src/modules/async-fulfilment/queues/side-effect-queues"
import { sideEffectJobId } from "../src/modules/async-fulfilment/queues/names"
import { SIDE_EFFECT_KINDS } from "../src/modules/async-fulfilment/types/side-effect"
import { benchOptions, flag, loadavgText, mib, printTable, REDIS_URL, sleep, usedMemory, writeResult } from "./lib"

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

/** RSS of a process and its descendants, from /proc, in bytes. */
function treeRss(pid: number): number {
  let total = 0
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8")
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim()
        if (children) children.split(/\s+/).map(Number).forEach(visit)
      }
    } catch {
      // gone
    }
  }
  visit(pid)
  return total
}

async function statusCounts(db: Client, like: string) {
  const { rows } = await db.query<{ kind: string; status: string; n: string; max_attempts_made: number }>(
    `SELECT kind, status, count(*) AS n, max(attempts) AS max_attempts_made FROM af_side_effect_job
     WHERE order_id LIKE $1 AND deleted_at IS NULL GROUP BY kind, status`,
    [like]
  )
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

export async function main() {
  const orders = flag("orders", 1000)
  const timeoutMs = flag("timeout-s", 900) * 1000
  const artifacts = path.join(__dirname, "results", "burst-drain-real")
  const run = new ProcessStoreRun(artifacts, { lockMs: 30_000, stalledIntervalMs: 30_000, erpDelayMs: { min: 200, max: 200 } })
  console.log(`burst-drain-real: ${orders} orders, load average ${loadavgText()}`)
  let db: Client | null = null
  let watch: QueueWatch | null = null
  let queues: SideEffectQueues | null = null
  const admin = new IORedis(REDIS_URL)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2 })
  try {
    await run.prepare()
    db = new Client({ connectionString: run.databaseUrl })
    await db.connect()

    // the template: one real order, through the store API, its side effects run by the worker
    const server = await run.start("server", "server")
    const worker = await run.start("worker", "worker")
    const request = fetchStoreRequest(server.baseUrl, run.fixture.publishableKey)
    const template = await placeOrderThroughStoreApi(request, run.fixture, shopper)
    const deadline = Date.now() + 60_000
    const completedOf = (rows: { status: string; n: number }[]) => rows.filter((r) => r.status === "completed").reduce((a, r) => a + r.n, 0)
    while (completedOf(await statusCounts(db, template.id)) !== 3) {
      if (Date.now() > deadline) throw new Error(`template order ${template.id} not completed in 60 s; see ${artifacts}`)
      await sleep(250)
    }
    await server.terminate()
    const { rows: [snapshot] } = await db.query<{ document: Record<string, unknown>; display_id: number }>(
      `SELECT document, display_id FROM af_order_snapshot WHERE order_id = $1`,
      [template.id]
    )

    // record N copies as recordOrderSideEffects would (snapshot + 3 queued rows)
    const options = benchOptions(run.queuePrefix)
    const ids = Array.from({ length: orders }, (_, i) => `order_bench${String(i).padStart(8, "0")}`)
    const recordStart = performance.now()
    await db.query("BEGIN")
    for (let i = 0; i < orders; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const snaps = chunk.map((id, k) => {
        const displayId = 100_000 + i + k
        return [`afsnap_${id}`, id, displayId, snapshot.document.currency_code, 1, JSON.stringify({ ...snapshot.document, order_id: id, display_id: displayId })]
      })
      await db.query(
        `INSERT INTO af_order_snapshot (id, order_id, display_id, currency_code, schema_version, document)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[])`,
        [0, 1, 2, 3, 4, 5].map((c) => snaps.map((s) => s[c]))
      )
      const rows = chunk.flatMap((id, k) =>
        SIDE_EFFECT_KINDS.map((kind) => [`afjob_${kind}_${id}`, id, 100_000 + i + k, kind, "queued", sideEffectJobId(kind, id), options.jobs[kind].attempts])
      )
      await db.query(
        `INSERT INTO af_side_effect_job (id, order_id, order_display_id, kind, status, bullmq_job_id, max_attempts)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[])`,
        [0, 1, 2, 3, 4, 5, 6].map((c) => rows.map((r) => r[c]))
      )
    }
    await db.query("COMMIT")
    const recordMs = performance.now() - recordStart

    watch = new QueueWatch(REDIS_URL, run.queuePrefix)
    await watch.start()
    queues = new SideEffectQueues(producer, options)
    const redisBefore = await usedMemory(admin)
    const rssBefore = treeRss(worker.pid)
    let rssPeak = rssBefore
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRss(worker.pid))), 100)
    const mailsBefore = run.smtp.received.length
    const erpBefore = run.erp.documents.size

    const t0 = Date.now()
    await Promise.all(ids.map((order_id) => queues!.enqueue({ order_id, event_id: null, kinds: [...SIDE_EFFECT_KINDS] })))
    const enqueueMs = Date.now() - t0
    const redisLoaded = await usedMemory(admin)

    let counts = await statusCounts(db, "order_bench%")
    const settled = () => counts.filter((r) => r.status === "completed" || r.status === "failed").reduce((a, r) => a + r.n, 0)
    while (settled() < orders * 3 && Date.now() - t0 < timeoutMs) {
      await sleep(500)
      counts = await statusCounts(db, "order_bench%")
    }
    const drainMs = Date.now() - t0
    clearInterval(sampler)
    await sleep(1000) // the last QueueEvents entries
    const redisAfter = await usedMemory(admin)

    // zero lost / zero duplicated, from every side
    const benchEvents = watch.events.filter((e) => e.jobId.includes("order_bench"))
    const completedPerJob = new Map<string, number>()
    for (const e of benchEvents.filter((e) => e.event === "completed")) completedPerJob.set(e.jobId, (completedPerJob.get(e.jobId) ?? 0) + 1)
    const { rows: [inv] } = await db.query<{ n: string; distinct_numbers: string }>(
      `SELECT count(*) AS n, count(DISTINCT number) AS distinct_numbers FROM af_invoice WHERE order_id LIKE 'order_bench%' AND file_id IS NOT NULL`
    )
    const mails = run.smtp.received.slice(mailsBefore)
    const mailOrders = new Set(mails.map((m) => /order_bench\d+/.exec(m.parsed.messageId ?? "")?.[0]).filter(Boolean))
    const erpDocs = [...run.erp.documents.values()].filter((d) => d.orderId?.startsWith("order_bench"))

    const perKind = SIDE_EFFECT_KINDS.map((kind) => {
      const done = benchEvents.filter((e) => e.kind === kind && e.event === "completed").map((e) => e.at).sort((a, b) => a - b)
      const row = counts.filter((r) => r.kind === kind)
      return {
        kind,
        "rows completed": row.find((r) => r.status === "completed")?.n ?? 0,
        "rows failed": row.find((r) => r.status === "failed")?.n ?? 0,
        "max attempts": Math.max(0, ...row.map((r) => r.max_attempts_made)),
        "first done s": (done[0] - t0) / 1000,
        "last done s": (done[done.length - 1] - t0) / 1000,
        "jobs/s (burst start → last)": (done.length / (done[done.length - 1] - t0)) * 1000,
        // the worker process's, from medusa-config.ts (not the bench's parsed options)
        concurrency: ({ invoice: 2, mail: 5, erp: 5 } as Record<string, number>)[kind],
      }
    })
    const summary = {
      orders,
      jobs: orders * 3,
      "record ms": recordMs,
      "enqueue ms": enqueueMs,
      "drain s": drainMs / 1000,
      "jobs/s": (orders * 3 * 1000) / drainMs,
      "lost (rows not completed)": orders * 3 - completedOf(counts),
      "dup completions (events)": [...completedPerJob.values()].reduce((a, n) => a + n - 1, 0),
      invoices: Number(inv.n),
      "distinct numbers": Number(inv.distinct_numbers),
      mails: mails.length,
      "mail orders": mailOrders.size,
      "erp docs": erpDocs.length,
      "erp dup deliveries": erpDocs.reduce((a, d) => a + d.deliveries - 1, 0),
      "redis MiB before": mib(redisBefore),
      loaded: mib(redisLoaded),
      after: mib(redisAfter),
      "worker rss MiB before": mib(rssBefore),
      "peak": mib(rssPeak),
    }
    printTable(`Real processors, ${orders} orders, one worker-mode Medusa process (ERP answers after 200 ms)`, [summary])
    printTable("Per kind", perKind)
    console.log(`\nload average after: ${loadavgText()}`)
    writeResult("burst-drain-real", { orders, summary, per_kind: perKind, timings: run.timings })
  } finally {
    await watch?.close().catch(() => undefined)
    await queues?.close().catch(() => undefined)
    producer.disconnect()
    admin.disconnect()
    await db?.end().catch(() => undefined)
    await run.stop()
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
