import type { ChildProcess } from "child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { runMedusa, startMedusa, waitForHealth } from "../../../demo/demo-process"
import { createDatabase, dropDatabase } from "../../browser/support/store-database"
import type { StoreFixture } from "../../../store-client"
import { deleteRedisKeys } from "../../../dev-support/redis-cleanup"
import { freePort } from "../../helpers/test-env"
import { ObservedSmtpSink } from "./observed-smtp-sink"
import { SlowIdempotentErp } from "./slow-idempotent-erp"

export const dbServer = `postgres://${process.env.DB_USERNAME ?? "postgres"}:${process.env.DB_PASSWORD ?? "postgres"}@${
  process.env.DB_HOST ?? "localhost"
}:${process.env.DB_PORT ?? 5432}`
export const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"

export type WorkerMode = "server" | "worker"

export interface ProcessExit {
  code: number | null
  signal: NodeJS.Signals | null
  at: number
}

/** One `medusa start` child: its role, port, log file and how (and when) it ended. */
export class MedusaProcess {
  readonly startedAt = Date.now()
  readyAt = 0
  readonly exited: Promise<ProcessExit>
  exit: ProcessExit | null = null

  constructor(
    readonly name: string,
    readonly mode: WorkerMode,
    readonly port: number,
    readonly child: ChildProcess,
    readonly logFile: string
  ) {
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.exit = { code, signal, at: Date.now() }
        resolve(this.exit)
      })
    )
  }

  get pid(): number {
    return this.child.pid!
  }

  get running(): boolean {
    return this.exit === null
  }

  get baseUrl(): string {
    return `http://localhost:${this.port}`
  }

  /** kill -9: no shutdown hook runs, its Redis locks and connections are simply abandoned */
  async kill(): Promise<ProcessExit> {
    this.child.kill("SIGKILL")
    return this.exited
  }

  /** SIGTERM: Medusa's graceful shutdown; returns the exit and how long it took */
  async terminate(timeoutMs = 60_000): Promise<ProcessExit & { tookMs: number }> {
    const sent = Date.now()
    this.child.kill("SIGTERM")
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs)
    const exit = await this.exited
    clearTimeout(timer)
    return { ...exit, tookMs: exit.at - sent }
  }

  log(): string {
    try {
      return readFileSync(this.logFile, "utf8")
    } catch {
      return ""
    }
  }
}

/**
 * A store split the way production splits it: one `medusa start` with MEDUSA_WORKER_MODE=server
 * (the store API; it only enqueues) and `medusa start` processes with MEDUSA_WORKER_MODE=worker
 * (Medusa's event bus and workflow workers, scheduled jobs and this plugin's BullMQ workers).
 * All share one database (its own per run), the same Redis prefixes (own per run), upload folder,
 * SMTP sink and ERP endpoint.
 *
 * A worker-mode process still runs Medusa's HTTP server: `medusa start` listens on PORT whatever
 * the mode and registers GET /health after the loaders (so /health answers once the plugin's
 * workers are started); only the API routes and the admin are skipped. Each process therefore gets
 * a port of its own (`medusa start` has no listen-error handler: a taken port would be an
 * EADDRINUSE crash at boot) and `/health` is the readiness probe for workers too.
 */
export class ProcessStoreRun {
  readonly run = `afp-${process.pid}-${Date.now().toString(36)}`
  readonly dbName = `af_processes_${this.run.replace(/-/g, "_")}`
  readonly databaseUrl = `${dbServer}/${this.dbName}`
  readonly queuePrefix = this.run
  readonly smtp = new ObservedSmtpSink()
  readonly timings: Record<string, number> = {}
  readonly processes: MedusaProcess[] = []
  erp: SlowIdempotentErp
  uploads = ""
  fixture!: StoreFixture
  protected baseEnv_: NodeJS.ProcessEnv = {}
  protected cleanups_: (() => Promise<unknown>)[] = []

  constructor(
    readonly artifacts: string,
    readonly settings: {
      lockMs: number
      stalledIntervalMs: number
      erpDelayMs: { min: number; max: number }
      /** Medusa processes allowed at once (2 unless a benchmark asks for more) */
      maxProcesses?: number
    }
  ) {
    this.erp = new SlowIdempotentErp(settings.erpDelayMs)
  }

  /** Database, migrations, seed, sinks; no Medusa process is left running. */
  async prepare(): Promise<void> {
    mkdirSync(this.artifacts, { recursive: true })
    const [smtpPort, erpPort] = [await this.smtp.listen(), await this.erp.listen()]
    this.cleanups_.push(() => this.smtp.close(), () => this.erp.close())
    this.uploads = mkdtempSync(path.join(os.tmpdir(), "af-processes-uploads-"))
    this.cleanups_.push(async () => rmSync(this.uploads, { recursive: true, force: true }))
    const fixtureFile = path.join(os.tmpdir(), `${this.run}-store.json`)
    this.cleanups_.push(async () => rmSync(fixtureFile, { force: true }))
    this.baseEnv_ = {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: redisUrl,
      ASYNC_FULFILMENT_REDIS_URL: redisUrl,
      MEDUSA_REDIS_PREFIX: `${this.run}-medusa`,
      ASYNC_FULFILMENT_QUEUE_PREFIX: this.queuePrefix,
      MEDUSA_ADMIN_DISABLED: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      FILE_UPLOAD_DIR: this.uploads,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      SMTP_SECURE: "false",
      ERP_URL: `http://127.0.0.1:${erpPort}/orders`,
      ERP_SECRET: "processes-test-erp-secret-0123456789",
      ERP_TIMEOUT_MS: "10000",
      // short locks: a dead worker's jobs are taken over in seconds, not the default 30 s + 30 s
      ASYNC_FULFILMENT_LOCK_MS: String(this.settings.lockMs),
      ASYNC_FULFILMENT_STALLED_INTERVAL_MS: String(this.settings.stalledIntervalMs),
      ASYNC_FULFILMENT_BACKOFF_MS: "200",
      // the outbox sweep stays off: what is proven here is BullMQ's stalled-job takeover alone
      ASYNC_FULFILMENT_RECONCILE_CRON: "0 0 1 1 *",
      ASYNC_FULFILMENT_RECONCILE_GRACE_SECONDS: "3600",
      DEMO_FIXTURE_FILE: fixtureFile,
    }
    for (const key of ["SMTP_USER", "SMTP_PASS", "MEDUSA_WORKER_MODE", "PORT"]) {
      delete this.baseEnv_[key]
    }
    const log = path.join(this.artifacts, "setup.log")
    rmSync(log, { force: true })
    await this.timed("create database", () => createDatabase(dbServer, this.dbName))
    this.cleanups_.push(() => dropDatabase(dbServer, this.dbName))
    this.cleanups_.push(() => deleteRedisKeys(redisUrl, [`${this.queuePrefix}:`, `${this.run}-medusa-`]))
    await this.timed("medusa db:migrate", () => runMedusa(["db:migrate"], this.baseEnv_, log))
    await this.timed("medusa exec ./demo/seed.ts", () => runMedusa(["exec", "./demo/seed.ts"], this.baseEnv_, log))
    this.fixture = JSON.parse(readFileSync(fixtureFile, "utf8"))
  }

  /** Runs a `medusa` CLI command (e.g. `user -e … -p …`) against this run's database. */
  async cli(args: string[]): Promise<void> {
    await runMedusa(args, this.baseEnv_, path.join(this.artifacts, "setup.log"))
  }

  /** Starts `medusa start` in this mode and waits for its /health. At most two at a time, unless settings say more. */
  async start(name: string, mode: WorkerMode, extraEnv: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<MedusaProcess> {
    const alive = this.processes.filter((p) => p.running)
    const max = this.settings.maxProcesses ?? 2
    if (alive.length >= max) {
      throw new Error(`refusing Medusa process ${max + 1} (${alive.map((p) => p.name).join(", ")} are running)`)
    }
    const port = freePort()
    const logFile = path.join(this.artifacts, `${name}.log`)
    rmSync(logFile, { force: true })
    const env = { ...this.baseEnv_, ...extraEnv, PORT: String(port), MEDUSA_WORKER_MODE: mode, MEDUSA_BACKEND_URL: `http://localhost:${port}` }
    const proc = new MedusaProcess(name, mode, port, startMedusa(["start"], env, logFile, process.cwd(), nodeArgs), logFile)
    this.processes.push(proc)
    await this.timed(`${name} (${mode}) boot until /health`, () => waitForHealth(proc.baseUrl, proc.child, 120_000))
    proc.readyAt = Date.now()
    return proc
  }

  /** Stops whatever still runs (SIGTERM, then SIGKILL), then removes what this run created. */
  async stop(): Promise<void> {
    await Promise.all(this.processes.filter((p) => p.running).map((p) => p.terminate(15_000)))
    for (const cleanup of this.cleanups_.reverse()) {
      await cleanup().catch((error) => console.warn(`cleanup failed: ${error}`))
    }
    this.cleanups_ = []
  }

  async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now()
    try {
      return await work()
    } finally {
      this.timings[step] = Date.now() - started
    }
  }
}
