/**
 * Shared helpers of the benchmarks: tables, JSON results, machine context, Redis cleanup,
 * percentiles. Nothing here asserts on timings: the numbers are reported, not judged.
 */
import IORedis from "ioredis"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs"
import os from "os"
import path from "path"

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
export const RESULTS_DIR = path.join(__dirname, "results")

export function machine() {
  return {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    total_mem_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((n) => +n.toFixed(2)),
  }
}

export function loadavgText(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(", ")
}

/** A fixed-width table, numbers right-aligned. */
export function printTable(title: string, rows: Record<string, unknown>[]): void {
  console.log(`\n${title}`)
  if (!rows.length) {
    console.log("  (no rows)")
    return
  }
  const cols = Object.keys(rows[0])
  const cell = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "number" ? fmt(v) : String(v))
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[], numeric: boolean[]) =>
    "  " + vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ")
  console.log(line(cols, cols.map(() => false)))
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "))
  for (const r of rows) {
    console.log(line(cols.map((c) => cell(r[c])), cols.map((c) => typeof r[c] === "number")))
  }
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  return abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : abs >= 1 ? n.toFixed(2) : n.toFixed(3)
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, "-")
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`)
  writeFileSync(file, JSON.stringify({ bench: name, machine: machine(), ...(data as object) }, null, 2))
  writeFileSync(path.join(RESULTS_DIR, `${name}-latest.json`), JSON.stringify({ bench: name, machine: machine(), ...(data as object) }, null, 2))
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`)
  return file
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], mean }
}

export function benchPrefix(name: string): string {
  return `afbench-${name}-${process.pid}-${Date.now().toString(36)}`
}

/** Deletes every key under a prefix, by SCAN (never KEYS). */
export async function deletePrefix(redis: IORedis, prefix: string): Promise<number> {
  let deleted = 0
  let cursor = "0"
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000)
    cursor = next
    if (keys.length) deleted += await redis.unlink(...keys)
  } while (cursor !== "0")
  return deleted
}

export async function usedMemory(redis: IORedis): Promise<number> {
  const info = await redis.info("memory")
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN)
}

/** Samples this process's RSS every `everyMs`; `stop()` returns the peak in bytes. */
export function rssSampler(everyMs = 50) {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, everyMs)
  timer.unref()
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    reset: () => {
      peak = process.memoryUsage().rss
    },
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage().rss)
    },
  }
}

export const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1)

export function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  const env = process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`]
  const raw = arg?.split("=")[1] ?? env
  return raw === undefined ? fallback : Number(raw)
}

export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`)
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The plugin's options as the module sees them (parsed, defaults filled in), on a prefix of
 * the benchmark's own. Loaded lazily: the parser pulls in @medusajs/framework.
 */
export function benchOptions(queuePrefix: string, concurrency?: number) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { parseAsyncFulfilmentOptions } = require("../src/modules/async-fulfilment/options") as typeof import("../src/modules/async-fulfilment/options")
  const jobs = concurrency === undefined ? undefined : {
    invoice: { concurrency },
    mail: { concurrency },
    erp: { concurrency },
  }
  return parseAsyncFulfilmentOptions({
    redisUrl: REDIS_URL,
    queuePrefix,
    ...(jobs ? { jobs } : {}),
    smtp: { host: "127.0.0.1", port: 2525, from: "Bench <bench@example.test>" },
    erp: { url: "http://127.0.0.1:4010/orders", secret: "benchmark-only-erp-secret" },
    invoice: { seller: { name: "Bench Shop", vatId: "PL5250000000", address: { line1: "ul. Prosta 1", city: "Warszawa", postalCode: "00-001", countryCode: "PL" } } },
  })
}

/** RSS of a process and its descendants, from /proc, in bytes. */
export function treeRss(pid: number): number {
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

/** User + system CPU seconds a process has used, from /proc (clock ticks of 100 Hz). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/**
 * On Ctrl-C or SIGTERM (e.g. `timeout`), runs the benchmark's cleanup before exiting: the Medusa
 * processes it started would otherwise outlive it and keep using the CPU of every later run.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<unknown>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the processes this benchmark started and removing what it created`)
      cleanup()
        .catch((error) => console.error(`cleanup failed: ${error}`))
        .finally(() => process.exit(130))
    })
  }
}

/** Runs a benchmark's main when its file is the entry point; exits 0, or 1 with the error. */
export function runWhenMain(entry: NodeModule, main: () => Promise<unknown>): void {
  if (require.main !== entry) return
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
