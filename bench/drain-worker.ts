/**
 * Child process of burst-drain: the worker side, apart from the producer as in production
 * (`workerMode: "worker"`). One BullMQ Worker per queue with a processor that returns at
 * once; counts every completed job id (duplicates, losses) and samples its own RSS.
 *
 * Messages: parent → { type: "start", ... } → child "ready"; parent → "go"; child → "done".
 */
import { Job, Queue, Worker } from "bullmq"
import IORedis from "ioredis"
import { QUEUE_NAMES, sideEffectJobId } from "../src/modules/async-fulfilment/queues/names"
import { promoteDelayedJob } from "../src/modules/async-fulfilment/queues/promote-delayed-job"
import { readersOf, type SideEffectKind } from "../src/modules/async-fulfilment/types/side-effect"
import { REDIS_URL, rssSampler } from "./lib"

interface StartMsg {
  type: "start"
  prefix: string
  queues: string[]
  concurrency: number
  expected: number
  workerOptions?: { lockDuration?: number; stalledInterval?: number; maxStalledCount?: number }
}

/**
 * The no-op processor; on a plugin queue whose jobs others read (the invoice), it also wakes the
 * readers (the ERP job, added delayed) as the module's `markSideEffectCompleted` does, or they
 * would wait out their fallback delay.
 */
function wakesItsReaders(queueName: string) {
  const kind = (Object.keys(QUEUE_NAMES) as SideEffectKind[]).find((k) => QUEUE_NAMES[k] === queueName)
  const readers = kind ? readersOf(kind).map((reader) => ({ kind: reader.kind, queue: new Queue(QUEUE_NAMES[reader.kind], { connection: conn, prefix: config.prefix }) })) : []
  if (!readers.length) return async () => undefined
  return async (job: Job) => {
    const { order_id, subject = "" } = job.data as { order_id: string; subject?: string }
    for (const reader of readers) {
      await promoteDelayedJob(reader.queue, sideEffectJobId(reader.kind, order_id, subject))
    }
  }
}

let config: StartMsg
let workers: Worker[] = []
const conn = new IORedis(REDIS_URL, { maxRetriesPerRequest: null })

process.on("message", async (msg: StartMsg | { type: "go" }) => {
  if (msg.type === "start") {
    config = msg
    workers = config.queues.map(
      (name) =>
        new Worker(name, wakesItsReaders(name), {
          connection: conn,
          prefix: config.prefix,
          concurrency: config.concurrency,
          autorun: false,
          ...(config.workerOptions ?? {}),
        })
    )
    await Promise.all(workers.map((w) => w.waitUntilReady()))
    process.send!({ type: "ready" })
    return
  }
  if (msg.type === "go") {
    const seen = new Map<string, number>()
    const perQueue: Record<string, { completed: number; first: number; last: number }> = {}
    let failed = 0
    const rss = rssSampler(25)
    const t0 = performance.now()
    let resolveDone!: () => void
    const done = new Promise<void>((r) => (resolveDone = r))
    let lastAt = 0
    for (const w of workers) {
      const stats = (perQueue[w.name] = { completed: 0, first: NaN, last: NaN })
      w.on("completed", (job) => {
        const now = performance.now() - t0
        seen.set(job.id!, (seen.get(job.id!) ?? 0) + 1)
        stats.completed++
        if (Number.isNaN(stats.first)) stats.first = now
        stats.last = now
        if (seen.size === config.expected) {
          lastAt = now
          resolveDone()
        }
      })
      w.on("failed", () => failed++)
      w.on("error", (e) => console.error(`[drain-worker] ${w.name}: ${e.message}`))
    }
    workers.forEach((w) => void w.run())
    const timeoutMs = Number(process.env.BENCH_DRAIN_TIMEOUT_MS ?? 300_000)
    const timer = setTimeout(resolveDone, timeoutMs)
    await done
    clearTimeout(timer)
    if (!lastAt) lastAt = performance.now() - t0 // timed out: some jobs never completed
    const rssPeak = rss.stop()
    await Promise.all(workers.map((w) => w.close()))
    const duplicates = [...seen.values()].reduce((a, n) => a + n - 1, 0)
    process.send!({
      type: "done",
      drain_ms: lastAt,
      per_queue: perQueue,
      ids: [...seen.keys()],
      duplicates,
      failed,
      rss_peak: rssPeak,
    })
    conn.disconnect()
  }
})
