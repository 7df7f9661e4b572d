import type { ChildProcess } from "child_process"
import { mkdtempSync, readFileSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { runMedusa, startMedusa, stopProcess, waitForHealth } from "../../../demo/demo-process"
import { ErpStub } from "../../../dev-support/erp-stub"
import type { StoreFixture } from "../../../store-client"
import { SmtpSink } from "../../../dev-support/smtp-sink"
import { deleteRedisKeys } from "../../../dev-support/redis-cleanup"
import { freePort } from "../../helpers/test-env"
import { createDatabase, dropDatabase } from "./store-database"

const dbServer = `postgres://${process.env.DB_USERNAME ?? "postgres"}:${process.env.DB_PASSWORD ?? "postgres"}@${
  process.env.DB_HOST ?? "localhost"
}:${process.env.DB_PORT ?? 5432}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"

/**
 * The root dev store with the admin on, for a browser: its own database, Redis prefixes, ports
 * and upload folder; a real SMTP sink and ERP endpoint in this process.
 *
 * How the admin is served: `medusa start` with NODE_ENV=development. Medusa's admin loader picks
 * the admin bundler's *develop* mode from NODE_ENV (not from the command): Vite in middleware
 * mode serves the dashboard and this repository's src/admin at /app, compiled on request. That
 * skips `medusa build` (a full production build of the dashboard, which would also overwrite
 * .medusa/server, the plugin build) and `medusa develop`'s file watcher and restarts. Vite keeps
 * its pre-bundled dependencies in node_modules/.vite, so only the first run on a machine pays
 * for them. Every step is timed in `timings`.
 */
export class AdminStoreRun {
  readonly run = `afb-${process.pid}-${Date.now().toString(36)}`
  readonly dbName = `af_browser_${this.run.replace(/-/g, "_")}`
  readonly admin = { email: "admin@test.local", password: "supersecret" }
  readonly erp = new ErpStub()
  readonly smtp = new SmtpSink()
  readonly timings: Record<string, number> = {}
  baseUrl = ""
  fixture!: StoreFixture
  protected server_: ChildProcess | null = null
  protected cleanups_: (() => Promise<unknown>)[] = []

  constructor(readonly artifacts: string) {}

  async boot(): Promise<void> {
    const [smtpPort, erpPort, port] = [await this.smtp.listen(), await this.erp.listen(), freePort()]
    this.cleanups_.push(() => this.smtp.close(), () => this.erp.close())
    this.baseUrl = `http://localhost:${port}`
    const uploads = mkdtempSync(path.join(os.tmpdir(), "af-browser-uploads-"))
    this.cleanups_.push(async () => rmSync(uploads, { recursive: true, force: true }))
    const env = this.env(port, smtpPort, erpPort, uploads)
    const log = path.join(this.artifacts, "store.log")

    await this.timed("create database", () => createDatabase(dbServer, this.dbName))
    this.cleanups_.push(() => dropDatabase(dbServer, this.dbName))
    this.cleanups_.push(() => deleteRedisKeys(redisUrl, [`${this.run}:`, `${this.run}-medusa-`]))
    await this.timed("medusa db:migrate", () => runMedusa(["db:migrate"], env, log))
    await this.timed("medusa exec ./demo/seed.ts", () => runMedusa(["exec", "./demo/seed.ts"], env, log))
    await this.timed("medusa user", () =>
      runMedusa(["user", "-e", this.admin.email, "-p", this.admin.password], env, log)
    )
    this.fixture = JSON.parse(readFileSync(env.DEMO_FIXTURE_FILE!, "utf8"))

    this.server_ = startMedusa(["start"], env, log)
    this.cleanups_.push(() => stopProcess(this.server_!))
    await this.timed("medusa start (until /health)", () => waitForHealth(this.baseUrl, this.server_!))
  }

  /** Stops the store, then removes what this run created, newest first; never throws. */
  async stop(): Promise<void> {
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

  protected env(port: number, smtpPort: number, erpPort: number, uploads: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "development", // jest sets "test"; "development" makes the admin loader use Vite
      PORT: String(port),
      DATABASE_URL: `${dbServer}/${this.dbName}`,
      REDIS_URL: redisUrl,
      MEDUSA_REDIS_PREFIX: `${this.run}-medusa`,
      ASYNC_FULFILMENT_QUEUE_PREFIX: this.run,
      ASYNC_FULFILMENT_BACKOFF_MS: "200",
      MEDUSA_BACKEND_URL: this.baseUrl,
      STORE_CORS: this.baseUrl,
      ADMIN_CORS: this.baseUrl,
      AUTH_CORS: this.baseUrl,
      MEDUSA_DISABLE_TELEMETRY: "true",
      FILE_UPLOAD_DIR: uploads,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      ERP_URL: `http://127.0.0.1:${erpPort}/orders`,
      ERP_SECRET: "browser-test-erp-secret-0123456789",
      ERP_TIMEOUT_MS: "2000",
      DEMO_FIXTURE_FILE: path.join(os.tmpdir(), `${this.run}-store.json`),
    }
    delete env.MEDUSA_ADMIN_DISABLED
    this.cleanups_.push(async () => rmSync(env.DEMO_FIXTURE_FILE!, { force: true }))
    return env
  }
}

