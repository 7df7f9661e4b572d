/**
 * The raw BullMQ ceiling: a plain Queue + Worker whose processor returns at once, on the
 * local Redis, under a prefix of its own that is deleted afterwards. Jobs are added first
 * (addBulk in chunks) and the worker is started afterwards, so the drain is timed alone.
 */
import { Queue, Worker } from "bullmq"
import IORedis from "ioredis"
import { benchPrefix, deletePrefix, REDIS_URL, rssSampler, usedMemory } from "./lib"

export interface NoopRun {
  concurrency: number
  jobs: number
  enqueue_ms: number
  drain_ms: number
  jobs_per_s: number
  completed: number
  duplicates: number
  lost: number
  redis_used_before: number
  redis_used_loaded: number
  redis_used_after: number
  rss_peak: number
}

export async function rawNoopDrain(jobs: number, concurrency: number): Promise<NoopRun> {
  const prefix = benchPrefix("raw")
  const admin = new IORedis(REDIS_URL)
  const producer = new IORedis(REDIS_URL, { maxRetriesPerRequest: null })
  const workerConn = new IORedis(REDIS_URL, { maxRetriesPerRequest: null })
  const queue = new Queue("noop", { connection: producer, prefix })
  const redisBefore = await usedMemory(admin)
  try {
    const t0 = performance.now()
    const CHUNK = 1000
    for (let i = 0; i < jobs; i += CHUNK) {
      const batch: { name: string; data: { n: number }; opts: { jobId: string } }[] = []
      for (let j = i; j < Math.min(jobs, i + CHUNK); j++) {
        batch.push({ name: "noop", data: { n: j }, opts: { jobId: `noop-${j}` } })
      }
      await queue.addBulk(batch)
    }
    const enqueueMs = performance.now() - t0
    const redisLoaded = await usedMemory(admin)

    const seen = new Map<string, number>()
    let done!: () => void
    const finished = new Promise<void>((r) => (done = r))
    let last = 0
    const worker = new Worker("noop", async () => undefined, {
      connection: workerConn,
      prefix,
      concurrency,
      autorun: false,
    })
    worker.on("completed", (job) => {
      seen.set(job.id!, (seen.get(job.id!) ?? 0) + 1)
      if (seen.size === jobs) {
        last = performance.now()
        done()
      }
    })
    worker.on("error", (e) => console.error("worker error", e.message))
    await worker.waitUntilReady()
    const rss = rssSampler(25)
    const start = performance.now()
    void worker.run()
    await finished
    const rssPeak = rss.stop()
    await worker.close()
    const drainMs = last - start
    const duplicates = [...seen.values()].reduce((a, n) => a + (n - 1), 0)
    const counts = await queue.getJobCounts("completed", "failed", "waiting", "active")
    const redisAfter = await usedMemory(admin)
    return {
      concurrency,
      jobs,
      enqueue_ms: enqueueMs,
      drain_ms: drainMs,
      jobs_per_s: (jobs / drainMs) * 1000,
      completed: counts.completed,
      duplicates,
      lost: jobs - seen.size,
      redis_used_before: redisBefore,
      redis_used_loaded: redisLoaded,
      redis_used_after: redisAfter,
      rss_peak: rssPeak,
    }
  } finally {
    await queue.close()
    await deletePrefix(admin, prefix)
    producer.disconnect()
    workerConn.disconnect()
    admin.disconnect()
  }
}
