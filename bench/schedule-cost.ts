/**
 * 5. What an order costs the worker: the scheduling of `order.placed` alone (the subscriber, the
 * order's graph, its document and rows in Postgres, its three jobs in Redis) and the whole path
 * (scheduling + invoice + mail + ERP), per scheduling mode (`per-order`: one workflow run per
 * event, the path before 0.2.0; `batched`: the default) and burst size, in one run.
 *
 * Reuses integration-tests/processes/support (own database, seed, Redis prefixes, SMTP sink, ERP
 * stub answering at once). One real order is placed through the store API as the template; then
 * one worker-mode Medusa per mode runs, both at once, each on Redis prefixes of its own (its own
 * event bus, workflow engine and plugin queues). Per burst size, for each mode in turn: that many
 * copies of the template order are made in SQL (`copyOrder`: orders nothing has scheduled yet),
 * the worker's three plugin queues are paused, `order.placed` is added to its event bus queue
 * for every copy at once (burst 1: `--singles` orders one after the other, each once the last
 * one's jobs are in), and the worker's CPU is read until every order's jobs are in Redis (the
 * scheduling part); then the queues are resumed and the CPU is read until every job's row is
 * `completed` (the whole path). The worker's idle CPU rate, measured before each stage, is
 * subtracted.
 *
 *   npm run bench:schedule-cost -- [--bursts=1,50,1000] [--modes=per-order,batched] [--singles=50] [--cpu-prof] [--by-kind]
 *
 * `--by-kind` resumes the queues one at a time (invoice, mail, ERP) and prints each kind's CPU per
 * order; the whole path is then their sum, not what a worker running all three at once pays.
 *
 * `--cpu-prof` starts the workers under `node --cpu-prof` and prints the top self-time frames of
 * the smallest and the largest burst's scheduling window per mode (bench/cpu-profile-top.ts); profiled CPU figures
 * are higher than plain ones, so compare them only with each other.
 */
import { mkdirSync, readdirSync, rmSync } from "fs"
import path from "path"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { knex as createKnex } from "@medusajs/framework/mikro-orm/knex"
import { copyOrder } from "../integration-tests/helpers/copy-orders"
import { MedusaProcess, ProcessStoreRun } from "../integration-tests/processes/support/process-store"
import { KINDS, QueueWatch } from "../integration-tests/processes/support/queue-watch"
import { fetchStoreRequest, placeOrderThroughStoreApi, Shopper } from "../store-client"
import { sideEffectJobId } from "../src/modules/async-fulfilment/queues/names"
import { profileTopFrames, readCpuProfile, type ProfileTop } from "./cpu-profile-top"
import { cleanUpOnInterrupt, cpuSeconds, flag, hasFlag, loadavgText, percentile, printTable, REDIS_URL, runWhenMain, sleep, writeResult } from "./lib"

const MODES = ["per-order", "batched"] as const
type Mode = (typeof MODES)[number]

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

const WARMUP_ORDERS = 30
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n)

interface ModeWorker {
  mode: Mode
  process: MedusaProcess
  /** the worker's own Redis prefixes */
  eventsPrefix: string
  queuePrefix: string
  events: Queue
  watch: QueueWatch
  /** when each order's ERP job was added (Redis time), read from `watch.events` as they come */
  erpAdded: Map<string, number>
  eventsRead: number
  profileDir?: string
}

function listFlag<T extends string>(name: string, fallback: readonly T[]): T[] {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]
  return raw ? (raw.split(",") as T[]) : [...fallback]
}

async function completedRows(db: ReturnType<typeof createKnex>, ids: string[], kind?: string): Promise<number> {
  const [{ n }] = await db("af_side_effect_job").whereIn("order_id", ids).where({ status: "completed", ...(kind ? { kind } : {}) }).whereNull("deleted_at").count({ n: "*" })
  return Number(n)
}

/** The worker's CPU rate while nothing is asked of it (timers, Redis polling), in CPU-s per s. */
async function idleRate(pid: number, ms = 1500): Promise<number> {
  const before = cpuSeconds(pid)
  const started = Date.now()
  await sleep(ms)
  return (cpuSeconds(pid) - before) / ((Date.now() - started) / 1000)
}

/** How often the ERP jobs of these orders were started: once each, unless one started before its invoice was issued. */
function erpStarts(worker: ModeWorker, orderIds: string[]): number {
  const jobIds = new Set(orderIds.map((id) => sideEffectJobId("erp", id)))
  return worker.watch.events.filter((e) => e.kind === "erp" && e.event === "active" && jobIds.has(e.jobId)).length
}

function erpAddedAt(worker: ModeWorker, orderId: string): number | undefined {
  const { events } = worker.watch
  for (; worker.eventsRead < events.length; worker.eventsRead++) {
    const e = events[worker.eventsRead]
    if (e.kind === "erp" && e.event === "added") worker.erpAdded.set(e.jobId, e.at)
  }
  return worker.erpAdded.get(sideEffectJobId("erp", orderId))
}

async function until(what: string, timeoutMs: number, done: () => boolean | Promise<boolean>, everyMs = 50) {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(everyMs)
  }
}

const placedEvent = (id: string) => ({ name: "order.placed", data: { data: { id }, metadata: {} }, opts: { removeOnComplete: true, attempts: 1 } })

async function pauseQueues(worker: ModeWorker, paused: boolean) {
  await Promise.all(KINDS.map((kind) => (paused ? worker.watch.queue(kind).pause() : worker.watch.queue(kind).resume())))
}

/**
 * One stage: `count` fresh orders of one mode. Burst 1 sends them one at a time; any other burst
 * sends them all at once.
 */
async function stage(db: ReturnType<typeof createKnex>, templateId: string, worker: ModeWorker, burst: number, count: number, timeoutMs: number, byKind = false) {
  const ids = await copyOrder(db, templateId, count, `${worker.mode.replace("-", "")}_b${burst}`)
  await pauseQueues(worker, true)
  const pid = worker.process.pid
  const idle = await idleRate(pid)

  const sentAt = new Map<string, number>()
  const cpu0 = cpuSeconds(pid)
  const t0 = Date.now()
  const window = { from: monotonicUs(), to: 0 }
  if (burst === 1) {
    for (const id of ids) {
      sentAt.set(id, Date.now())
      await worker.events.add(placedEvent(id).name, placedEvent(id).data, placedEvent(id).opts)
      await until(`the jobs of ${id}`, timeoutMs, () => erpAddedAt(worker, id) !== undefined, 2)
    }
  } else {
    ids.forEach((id) => sentAt.set(id, t0))
    await worker.events.addBulk(ids.map(placedEvent))
    await until(`the jobs of ${count} orders`, timeoutMs, () => ids.every((id) => erpAddedAt(worker, id) !== undefined), 20)
  }
  window.to = monotonicUs()
  const scheduledMs = Date.now() - t0
  const scheduleCpuS = cpuSeconds(pid) - cpu0 - idle * (scheduledMs / 1000)
  const inSendOrder = ids.map((id) => erpAddedAt(worker, id)! - sentAt.get(id)!)
  const latencies = [...inSendOrder].sort((a, b) => a - b)
  // one order at a time: is the slowest the first of the stage (a process that sat idle) or any?
  const slowest = inSendOrder.indexOf(latencies[latencies.length - 1])
  const { jobsInRedis, rowsPerOrder } = await scheduledOnce(db, worker, ids)

  const drainWindow = { from: monotonicUs(), to: 0 }
  const cpuPerKindMs: Partial<Record<(typeof KINDS)[number], number>> = {}
  if (byKind) {
    // one queue at a time, in the order the jobs depend on each other, so each kind's CPU is its own
    for (const kind of KINDS) {
      const kindCpu0 = cpuSeconds(pid)
      const kindT0 = Date.now()
      await worker.watch.queue(kind).resume()
      await until(`${count} completed ${kind} jobs`, timeoutMs, async () => (await completedRows(db, ids, kind)) === count, 100)
      cpuPerKindMs[kind] = ((cpuSeconds(pid) - kindCpu0 - idle * ((Date.now() - kindT0) / 1000)) * 1000) / count
    }
  } else {
    await pauseQueues(worker, false)
    await until(`${count * 3} completed jobs`, timeoutMs, async () => (await completedRows(db, ids)) === count * 3, 250)
  }
  drainWindow.to = monotonicUs()
  const wholeMs = Date.now() - t0
  const wholeCpuS = cpuSeconds(pid) - cpu0 - idle * (wholeMs / 1000)
  await sleep(500) // the last completed events

  const completions = new Map<string, number>()
  const idSet = new Set(ids)
  for (const e of worker.watch.events) {
    const orderId = e.jobId.slice(e.jobId.indexOf("-") + 1)
    if (e.event === "completed" && idSet.has(orderId)) completions.set(e.jobId, (completions.get(e.jobId) ?? 0) + 1)
  }
  return {
    mode: worker.mode,
    burst,
    orders: count,
    "schedule cpu ms/order": (scheduleCpuS * 1000) / count,
    "whole path cpu ms/order": (wholeCpuS * 1000) / count,
    ...(byKind ? { "invoice ms": cpuPerKindMs.invoice, "mail ms": cpuPerKindMs.mail, "erp ms": cpuPerKindMs.erp } : {}),
    "erp starts": erpStarts(worker, ids),
    "order.placed → jobs p50 ms": percentile(latencies, 50),
    "p99 ms": percentile(latencies, 99),
    ...(burst === 1 ? { "max ms": latencies[latencies.length - 1], "slowest is #": slowest + 1, "first ms": inSendOrder[0] } : {}),
    "scheduled in s": scheduledMs / 1000,
    "whole path s": wholeMs / 1000,
    "jobs in redis": jobsInRedis,
    "rows per order": rowsPerOrder,
    lost: count * 3 - (await completedRows(db, ids)),
    "dup completions": [...completions.values()].reduce((a, n) => a + n - 1, 0),
    "idle cpu %": +(idle * 100).toFixed(1),
    window,
    drainWindow,
  }
}

/** Every order scheduled exactly once: three rows each in Postgres and three jobs in Redis. */
async function scheduledOnce(db: ReturnType<typeof createKnex>, worker: ModeWorker, ids: string[]) {
  const rows = await db("af_side_effect_job").whereIn("order_id", ids).whereNull("deleted_at").select("order_id")
  const perOrder = new Map<string, number>()
  rows.forEach(({ order_id }: { order_id: string }) => perOrder.set(order_id, (perOrder.get(order_id) ?? 0) + 1))
  const counts = [...new Set(ids.map((id) => perOrder.get(id) ?? 0))].sort().join("/")
  const counted = await Promise.all(KINDS.map((kind) => worker.watch.queue(kind).getJobCountByTypes("wait", "paused", "waiting-children", "prioritized", "delayed")))
  return { jobsInRedis: counted.reduce((a, n) => a + n, 0), rowsPerOrder: counts }
}

async function startWorker(run: ProcessStoreRun, mode: Mode, artifacts: string, profile: boolean): Promise<ModeWorker> {
  const eventsPrefix = `${run.run}-medusa-${mode}`
  const queuePrefix = `${run.run}-medusa-af-${mode}`
  const profileDir = profile ? path.join(artifacts, `profile-${mode}`) : undefined
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
  }
  const proc = await run.start(`worker-${mode}`, "worker", {
    ASYNC_FULFILMENT_SCHEDULING: mode,
    MEDUSA_REDIS_PREFIX: eventsPrefix,
    ASYNC_FULFILMENT_QUEUE_PREFIX: queuePrefix,
  }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null })
  // the prefix medusa-config.ts gives Medusa's Redis event bus
  const events = new Queue("events-queue", { connection, prefix: `${eventsPrefix}-events` })
  const watch = new QueueWatch(REDIS_URL, queuePrefix)
  await watch.start()
  return { mode, process: proc, eventsPrefix, queuePrefix, events, watch, erpAdded: new Map(), eventsRead: 0, profileDir }
}

async function stopWorker(worker: ModeWorker) {
  await worker.watch.close().catch(() => undefined)
  await worker.events.close().catch(() => undefined)
  await worker.process.terminate()
}

/** The profile of the worker's Medusa process (`--cpu-prof` writes one file per Node process). */
function mainProfileFile(dir: string, pid: number): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))
  const file = files.find((f) => f.includes(`.${pid}.`)) ?? files[0]
  if (!file) throw new Error(`no .cpuprofile in ${dir}: did the worker exit cleanly?`)
  return path.join(dir, file)
}

export async function main() {
  const bursts = listFlag("bursts", ["1", "50", "1000"]).map(Number)
  const modes = listFlag<Mode>("modes", MODES)
  const singles = flag("singles", 50)
  const timeoutMs = flag("timeout-s", 900) * 1000
  const profile = hasFlag("cpu-prof")
  const byKind = hasFlag("by-kind")
  const bad = modes.filter((m) => !MODES.includes(m))
  if (bad.length || bursts.some((b) => !Number.isInteger(b) || b < 1)) throw new Error(`--modes: ${MODES.join(",")}; --bursts: positive integers`)

  const artifacts = path.join(__dirname, "results", "schedule-cost")
  const run = new ProcessStoreRun(artifacts, { lockMs: 30_000, stalledIntervalMs: 30_000, erpDelayMs: { min: 0, max: 0 }, maxProcesses: 2 })
  console.log(`schedule-cost: bursts ${bursts.join(", ")} (1 = ${singles} orders one at a time), modes ${modes.join(", ")}${profile ? ", under --cpu-prof" : ""}, load average ${loadavgText()}`)
  const db = createKnex({ client: "pg", connection: run.databaseUrl, pool: { min: 0, max: 2 } })
  const workers: ModeWorker[] = []
  const cleanUp = async () => {
    await Promise.all(workers.filter((w) => w.process.running).map(stopWorker))
    await db.destroy().catch(() => undefined)
    await run.stop()
  }
  cleanUpOnInterrupt(cleanUp)
  try {
    await run.prepare()
    const server = await run.start("server", "server")
    const templateWorker = await run.start("worker", "worker")
    const placed = await placeOrderThroughStoreApi(fetchStoreRequest(server.baseUrl, run.fixture.publishableKey), run.fixture, shopper)
    await until(`the template order's side effects`, 60_000, async () => (await completedRows(db, [placed.id])) === 3, 250)
    await server.terminate()
    await templateWorker.terminate()

    for (const mode of modes) workers.push(await startWorker(run, mode, artifacts, profile))
    // an untimed burst first, so each fresh process has compiled its hot paths before the clock starts
    for (const worker of workers) await stage(db, placed.id, worker, WARMUP_ORDERS, WARMUP_ORDERS, timeoutMs)

    const rows: Awaited<ReturnType<typeof stage>>[] = []
    for (const burst of bursts) {
      for (const worker of workers) {
        const row = await stage(db, placed.id, worker, burst, burst === 1 ? singles : burst, timeoutMs, byKind)
        rows.push(row)
        console.log(`  ${row.mode}, burst ${burst}: schedule ${row["schedule cpu ms/order"].toFixed(1)} ms/order, whole path ${row["whole path cpu ms/order"].toFixed(1)} ms/order, lost ${row.lost}, dup ${row["dup completions"]}`)
      }
    }
    const windows = rows.map((r) => ({ mode: r.mode, burst: r.burst, window: r.window, drainWindow: r.drainWindow }))
    const table = rows.map(({ window, drainWindow, ...r }) => {
      const old = rows.find((o) => o.mode === "per-order" && o.burst === r.burst)
      return {
        ...r,
        "schedule ÷ per-order": old ? r["schedule cpu ms/order"] / old["schedule cpu ms/order"] : NaN,
        "whole ÷ per-order": old ? r["whole path cpu ms/order"] / old["whole path cpu ms/order"] : NaN,
      }
    })
    printTable(`Worker CPU per order (one worker-mode process per mode, ERP answering at once)${profile ? ", profiled" : ""}`, table)

    const profiles: Record<string, ProfileTop> = {}
    if (profile) {
      // the smallest and the largest burst: one order alone, and the burst the targets are for
      const profiled = [...new Set([Math.min(...bursts), Math.max(...bursts)])]
      for (const worker of workers) {
        const pid = worker.process.pid
        await stopWorker(worker)
        const file = mainProfileFile(worker.profileDir!, pid)
        const cpuProfile = readCpuProfile(file)
        for (const burst of profiled) {
          const { window, drainWindow } = windows.find((w) => w.mode === worker.mode && w.burst === burst)!
          for (const [part, { from, to }] of [["scheduling", window], ["invoice + mail + ERP", drainWindow]] as const) {
            const top = profileTopFrames(cpuProfile, { fromUs: from, toUs: to, top: 20 })
            profiles[`${worker.mode}, burst ${burst}, ${part}`] = top
            printTable(`Top self-time frames, ${worker.mode}, burst ${burst}, ${part} (${top.sampledMs.toFixed(0)} ms sampled; ${path.basename(file)})`, top.frames)
            printTable(`Self time by package, ${worker.mode}, burst ${burst}, ${part}`, top.packages)
          }
        }
      }
    }
    console.log(`\nload average after: ${loadavgText()}`)
    writeResult("schedule-cost", { bursts, singles, modes, profiled: profile, stages: table, profiles, timings: run.timings })
  } finally {
    await cleanUp()
  }
}

runWhenMain(module, main)
