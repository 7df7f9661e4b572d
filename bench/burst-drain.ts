/**
 * 2(a). A burst of N orders' side effects enqueued at once through the module's real queue
 * path (SideEffectQueues.enqueue → buildSideEffectFlows → FlowProducer.addBulk, the options
 * parsed as at boot), then drained by a separate worker process running one Worker per queue
 * (af-invoice, af-mail, af-erp) with the module's worker settings and a no-op processor.
 * The raw BullMQ no-op ceiling (a plain Queue + Worker, the same total number of jobs, the same
 * worker process) is measured in the same run, at the same concurrency, for the ratio.
 *
 *   npm run bench:burst-drain -- [--orders=10000] [--concurrency=1,4,16]
 */
import { fork, ChildProcess } from "child_process"
import path from "path"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { SideEffectQueues } from "../src/modules/async-fulfilment/queues/side-effect-queues"
import { QUEUE_NAMES, sideEffectJobId } from "../src/modules/async-fulfilment/queues/names"
import { SIDE_EFFECT_KINDS } from "../src/modules/async-fulfilment/types/side-effect"
import { benchOptions, benchPrefix, deletePrefix, flag, loadavgText, mib, printTable, REDIS_URL, runWhenMain, usedMemory, writeResult } from "./lib"

interface DrainReport {
  drain_ms: number
  per_queue: Record<string, { completed: number; first: number; last: number }>
  ids: string[]
  duplicates: number
  failed: number
  rss_peak: number
}

function startWorkerProcess(): ChildProcess {
  return fork(path.join(__dirname, "drain-worker.ts"), [], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
}

function once<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: { type: string }) => {
      if (m.type === type) {
        child.off("message", onMsg)
        child.off("exit", onExit)
        resolve(m as T)
      }
    }
    const onExit = (code: number) => reject(new Error(`drain worker exited (${code}) before "${type}"`))
    child.on("message", onMsg)
    child.on("exit", onExit)
  })
}

async function drainWith(
  child: ChildProcess,
  start: { prefix: string; queues: string[]; concurrency: number; expected: number; workerOptions?: object }
): Promise<DrainReport> {
  child.send({ type: "start", ...start })
  await once(child, "ready")
  child.send({ type: "go" })
  return once<DrainReport>(child, "done")
}

/**
 * Plain BullMQ: the same total number of jobs spread over `queueCount` queues (1: the classic
 * single-queue ceiling; 3: the plugin's topology of three Workers, each at `concurrency`).
 */
async function rawRun(orders: number, concurrency: number, queueCount: number) {
  const jobs = orders * SIDE_EFFECT_KINDS.length
  const prefix = benchPrefix("raw")
  const admin = new IORedis(REDIS_URL)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: null })
  const names = Array.from({ length: queueCount }, (_, q) => `noop-${q}`)
  const queues = names.map((name) => new Queue(name, { connection: producer, prefix }))
  const child = startWorkerProcess()
  try {
    const before = await usedMemory(admin)
    const t0 = performance.now()
    const expected = new Set<string>()
    for (let i = 0; i < jobs; i += 1000) {
      const batches: { name: string; data: object; opts: object }[][] = queues.map(() => [])
      for (let j = i; j < Math.min(jobs, i + 1000); j++) {
        expected.add(`noop-${j}`)
        batches[j % queueCount].push({ name: "noop", data: { n: j }, opts: { jobId: `noop-${j}` } })
      }
      await Promise.all(queues.map((q, k) => (batches[k].length ? q.addBulk(batches[k]) : null)))
    }
    const enqueueMs = performance.now() - t0
    const loaded = await usedMemory(admin)
    const report = await drainWith(child, { prefix, queues: names, concurrency, expected: jobs })
    const after = await usedMemory(admin)
    return { path: `raw no-op, ${queueCount} queue${queueCount > 1 ? "s" : ""}`, queueCount, concurrency, orders: null, jobs, enqueueMs, before, loaded, after, report, lost: lostIn(report, expected) }
  } finally {
    child.kill()
    await Promise.all(queues.map((q) => q.close()))
    await deletePrefix(admin, prefix)
    producer.disconnect()
    admin.disconnect()
  }
}

function lostIn(report: DrainReport, expected: Set<string>) {
  const got = new Set(report.ids)
  let lost = 0
  for (const id of expected) if (!got.has(id)) lost++
  const unexpected = report.ids.filter((id) => !expected.has(id)).length
  return { lost, unexpected }
}

async function queuePathRun(orders: number, concurrency: number) {
  const prefix = benchPrefix("path")
  const options = benchOptions(prefix, concurrency)
  const admin = new IORedis(REDIS_URL)
  // the module's producer connection settings (connections.ts)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2 })
  const queues = new SideEffectQueues(producer, options)
  const child = startWorkerProcess()
  try {
    const before = await usedMemory(admin)
    const expected = new Set<string>()
    const ids = Array.from({ length: orders }, (_, i) => `order_bench${String(i).padStart(8, "0")}`)
    for (const id of ids) for (const kind of SIDE_EFFECT_KINDS) expected.add(sideEffectJobId(kind, id))
    const t0 = performance.now()
    // the whole burst at once: every order's addBulk in flight together, as N checkouts would
    await Promise.all(ids.map((order_id) => queues.enqueue({ order_id, event_id: null, kinds: [...SIDE_EFFECT_KINDS] })))
    const enqueueMs = performance.now() - t0
    const loaded = await usedMemory(admin)
    const report = await drainWith(child, {
      prefix,
      queues: SIDE_EFFECT_KINDS.map((k) => QUEUE_NAMES[k]),
      concurrency,
      expected: expected.size,
      // as SideEffectWorkers sets them
      workerOptions: {
        lockDuration: options.workers.lockDurationMs,
        stalledInterval: options.workers.stalledIntervalMs,
        maxStalledCount: options.workers.maxStalledCount,
      },
    })
    const after = await usedMemory(admin)
    return { path: "queue path no-op, 3 queues", queueCount: 3, concurrency, orders, jobs: expected.size, enqueueMs, before, loaded, after, report, lost: lostIn(report, expected) }
  } finally {
    child.kill()
    await queues.close()
    await deletePrefix(admin, prefix)
    producer.disconnect()
    admin.disconnect()
  }
}

type Run = Omit<Awaited<ReturnType<typeof queuePathRun>>, "orders"> & { orders: number | null }

function row(r: Run) {
  return {
    path: r.path,
    conc: r.concurrency,
    jobs: r.jobs,
    "enqueue ms": r.enqueueMs,
    "drain ms": r.report.drain_ms,
    "jobs/s": (r.jobs / r.report.drain_ms) * 1000,
    lost: r.lost.lost,
    dup: r.report.duplicates,
    failed: r.report.failed,
    "redis MiB before": mib(r.before),
    loaded: mib(r.loaded),
    after: mib(r.after),
    "worker rss peak MiB": mib(r.report.rss_peak),
  }
}

export async function main() {
  const orders = flag("orders", 10_000)
  const concurrencies = (process.argv.find((a) => a.startsWith("--concurrency="))?.split("=")[1] ?? "1,4,16")
    .split(",")
    .map(Number)
  console.log(`burst-drain: ${orders} orders, load average ${loadavgText()}`)
  const runs: Run[] = []
  for (const c of concurrencies) {
    runs.push(await rawRun(orders, c, 1))
    runs.push(await rawRun(orders, c, 3))
    runs.push(await queuePathRun(orders, c))
  }
  printTable(`Burst of ${orders} orders (${orders * 3} jobs), no-op processors, worker in its own process`, runs.map(row))

  const perKind = runs
    .filter((r) => r.orders)
    .flatMap((r) =>
      Object.entries(r.report.per_queue).map(([queue, s]) => ({
        conc: r.concurrency,
        queue,
        completed: s.completed,
        "first ms": s.first,
        "last ms": s.last,
        "jobs/s (over drain)": (s.completed / r.report.drain_ms) * 1000,
        "jobs/s (own span)": (s.completed / (s.last - s.first)) * 1000,
      }))
    )
  printTable("Per kind (the mail waits for its invoice child: it starts later)", perKind)

  const rate = (r: Run) => r.jobs / r.report.drain_ms
  const ratios = concurrencies.map((c) => {
    const raw1 = runs.find((r) => r.concurrency === c && !r.orders && r.queueCount === 1)!
    const raw3 = runs.find((r) => r.concurrency === c && !r.orders && r.queueCount === 3)!
    const qp = runs.find((r) => r.concurrency === c && r.orders)!
    return {
      conc: c,
      "raw 1q jobs/s": rate(raw1) * 1000,
      "raw 3q jobs/s": rate(raw3) * 1000,
      "queue path jobs/s": rate(qp) * 1000,
      "ratio vs 1q": rate(qp) / rate(raw1),
      "ratio vs 3q": rate(qp) / rate(raw3),
      "target ≥ 0.7 (vs 1q / 3q)": `${rate(qp) / rate(raw1) >= 0.7 ? "met" : "missed"} / ${rate(qp) / rate(raw3) >= 0.7 ? "met" : "missed"}`,
    }
  })
  printTable("Queue path vs raw BullMQ no-op (same run)", ratios)
  console.log(`\nload average after: ${loadavgText()}`)
  writeResult("burst-drain", {
    orders,
    runs: runs.map((r) => ({ ...r, report: { ...r.report, ids: undefined, completed_ids: r.report.ids.length } })),
    ratios,
  })
}

runWhenMain(module, main)
