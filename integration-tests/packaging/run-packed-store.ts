/**
 * The live half of scripts/packed-store-test.sh, run from this repository with ts-node.
 *
 *   run-packed-store.ts run      creates the store's database, `npx medusa db:migrate`, seeds,
 *                                `medusa start`s the store, places an order over HTTP and checks
 *                                the invoice file, the mail and the ERP call; cleans up after
 *   run-packed-store.ts cleanup  drops the database and deletes the Redis keys (idempotent)
 *
 * The store lives in PACKED_STORE_DIR (installed from the packed tarball, nothing of this
 * repository's src/ in it); PACKED_STORE_RUN names its database and Redis key prefixes.
 * Only the SMTP sink, the ERP stub, the checkout and the signature check come from here.
 */
import { ChildProcess, spawn } from "child_process"
import { createWriteStream, existsSync, readFileSync } from "fs"
import path from "path"
import { Client } from "pg"
import { ErpStub } from "../../dev-support/erp-stub"
import { SmtpLoginSink } from "./smtp-login-sink"
import { fetchStoreRequest, placeOrderThroughStoreApi, Shopper, StoreFixture } from "../../store-client"
import { freePort } from "../helpers/test-env"
import { deleteRedisKeys } from "../../dev-support/redis-cleanup"
import { verifyErpSignature } from "../../src/modules/async-fulfilment/erp/sign-erp-request"

const storeDir = required("PACKED_STORE_DIR")
const run = required("PACKED_STORE_RUN").toLowerCase().replace(/[^a-z0-9]/g, "_")
const dbName = `af_packed_${run}`
const pgBase = `postgres://${process.env.DB_USERNAME ?? "postgres"}:${process.env.DB_PASSWORD ?? "postgres"}@${
  process.env.DB_HOST ?? "localhost"
}:${process.env.DB_PORT ?? 5432}`
const databaseUrl = `${pgBase}/${dbName}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
/** every Redis key of this store starts with it: the plugin's queues and Medusa's event bus and workflows */
const redisPrefix = `afpkg-${run.replace(/_/g, "-")}`
const erpSecret = "packed-store-test-erp-secret-0123"
const smtpLogin = { user: "shop", pass: "shop-smtp-password" }
const logFile = path.join(storeDir, "store.log")
const deadlines = { boot: 120_000, sideEffects: 60_000, shutdown: 30_000 }

const shopper: Shopper = {
  email: "zofia.wisniewska@example.com",
  first_name: "Zofia",
  last_name: "Wiśniewska",
  country_code: "pl",
  currency: "pln",
  items: [
    { variant: "tshirt", quantity: 2 },
    { variant: "desk", quantity: 1 },
  ],
}

function required(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set`)
  }
  return value
}

const step = (text: string) => console.log(`\n▶ ${text}`)
const fact = (text: string) => console.log(`  ✓ ${text}`)

function storeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  // nothing of this repository's test settings may leak into the store
  for (const key of Object.keys(env)) {
    if (/^(DB_|MEDUSA_|ASYNC_FULFILMENT_|SMTP_|ERP_|INVOICE_|FILE_UPLOAD|TEST_TYPE|NODE_OPTIONS)/.test(key)) {
      delete env[key]
    }
  }
  return {
    ...env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    MEDUSA_REDIS_PREFIX: `${redisPrefix}-medusa`,
    ASYNC_FULFILMENT_QUEUE_PREFIX: redisPrefix,
    JWT_SECRET: "packed-store-jwt-secret",
    COOKIE_SECRET: "packed-store-cookie-secret",
    // placeholders for the commands that do not send anything; `start` gets the real ports
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: "2525",
    SMTP_SECURE: "false",
    SMTP_USER: smtpLogin.user,
    SMTP_PASS: smtpLogin.pass,
    ERP_URL: "http://127.0.0.1:4010/orders",
    ERP_SECRET: erpSecret,
    ...extra,
  }
}

/** the store's processes still running: killed if this script is interrupted */
const children = new Set<ChildProcess>()

function spawnInStore(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(logFile, { flags: "a" })
  log.write(`\n$ ${command} ${args.join(" ")}\n`)
  // its own process group: a failed run kills the whole tree
  const child = spawn(command, args, { cwd: storeDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  child.stdout!.pipe(log)
  child.stderr!.pipe(log)
  children.add(child)
  child.once("exit", () => children.delete(child))
  return child
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    children.forEach((child) => killGroup(child, "SIGKILL"))
    console.error(`\n✖ interrupted (${signal})`)
    process.exit(1)
  })
}

async function runInStore(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000) {
  const started = Date.now()
  const child = spawnInStore(command, args, env)
  const code = await new Promise<number | null>((resolve) => {
    const killer = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs)
    child.once("exit", (exitCode) => {
      clearTimeout(killer)
      resolve(exitCode)
    })
  })
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${code}\n--- store log ---\n${tail(logFile)}`)
  }
  return Date.now() - started
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // already gone
  }
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) {
    return "(no log)"
  }
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
}

/** Polls until `probe` returns a value; unlike waitFor, an error thrown by the probe ends the wait at once. */
async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== null) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
}

async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function dropDatabase() {
  await withPg(`${pgBase}/postgres`, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
}

async function cleanup() {
  await dropDatabase()
  const deleted = await deleteRedisKeys(redisUrl, [`${redisPrefix}:`, `${redisPrefix}-`])
  return deleted
}

async function main() {
  const started = Date.now()
  step(`creating the store's database ${dbName} (pg)`)
  await dropDatabase()
  await withPg(`${pgBase}/postgres`, (client) => client.query(`CREATE DATABASE "${dbName}"`))
  fact(`database ${dbName} created`)

  step("npx medusa db:migrate (Medusa's migrations and the plugin's)")
  const migrateMs = await runInStore("npx", ["medusa", "db:migrate"], storeEnv())
  const tables = await withPg(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'af\\_%' ORDER BY 1`
    )
    return rows.map((row) => row.table_name as string)
  })
  if (!tables.includes("af_side_effect_job")) {
    throw new Error(`the plugin's migration did not run: af_* tables are [${tables.join(", ")}]`)
  }
  fact(`migrated in ${(migrateMs / 1000).toFixed(1)} s; the plugin's tables exist: ${tables.join(", ")}`)

  step("seeding the store: npx medusa exec ./src/scripts/seed.ts")
  const fixtureFile = path.join(storeDir, "store-fixture.json")
  const seedMs = await runInStore("npx", ["medusa", "exec", "./src/scripts/seed.ts"], storeEnv({ STORE_FIXTURE_FILE: fixtureFile }))
  const store: StoreFixture = JSON.parse(readFileSync(fixtureFile, "utf8"))
  fact(`seeded in ${(seedMs / 1000).toFixed(1)} s: regions ${Object.keys(store.regions).join(", ")}, 2 products, publishable key`)

  step("starting the SMTP sink and ERP stub, then the store (medusa start)")
  // README's configuration logs in to the SMTP server (smtp.auth from SMTP_USER / SMTP_PASS)
  const smtp = new SmtpLoginSink(smtpLogin)
  const erp = new ErpStub()
  const [smtpPort, erpPort, storePort] = [await smtp.listen(), await erp.listen(), freePort()]
  const baseUrl = `http://127.0.0.1:${storePort}`
  const env = storeEnv({
    PORT: String(storePort),
    SMTP_PORT: String(smtpPort),
    ERP_URL: `http://127.0.0.1:${erpPort}/orders`,
  })
  // what `npx medusa start` runs, without npm in between: SIGTERM reaches Medusa itself
  const server = spawnInStore(path.join(storeDir, "node_modules", ".bin", "medusa"), ["start"], env)
  let serverExit: number | null | undefined
  server.once("exit", (code) => (serverExit = code))
  try {
    const bootStarted = Date.now()
    await until(
      `${baseUrl}/health`,
      async () => {
        if (serverExit !== undefined) {
          throw new Error(`the store exited with ${serverExit} while booting`)
        }
        return (await fetch(`${baseUrl}/health`).catch(() => null))?.ok ? true : null
      },
      deadlines.boot,
      500
    ).catch((error) => {
      throw new Error(`${error.message}\n--- store log ---\n${tail(logFile)}`)
    })
    fact(`store up on ${baseUrl} in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s (SMTP 127.0.0.1:${smtpPort}, ERP 127.0.0.1:${erpPort})`)
    readFileSync(logFile, "utf8")
      .replace(/\x1b\[[0-9;]*m/g, "")
      .split("\n")
      .filter((line) => line.includes("[async-fulfilment]"))
      .forEach((line) => fact(`store log: ${line.replace(/^\w+:\s*/, "")}`))

    step("placing an order through the store API (cart → items → shipping → payment → complete)")
    const request = fetchStoreRequest(baseUrl, store.publishableKey)
    const checkoutStarted = Date.now()
    const order = await placeOrderThroughStoreApi(request, store, shopper)
    fact(`order #${order.display_id} (${order.id}), ${order.total} ${order.currency_code.toUpperCase()}, checkout in ${Date.now() - checkoutStarted} ms`)

    step(`waiting (at most ${deadlines.sideEffects / 1000} s) for the invoice, the mail and the ERP call`)
    const jobs = await until(
      "the order's side effects to complete",
      () =>
        withPg(databaseUrl, async (client) => {
          const { rows } = await client.query(
            `SELECT kind, status, attempts, last_error FROM af_side_effect_job WHERE order_id = $1 ORDER BY kind`,
            [order.id]
          )
          if (rows.some((row) => row.status === "failed")) {
            throw new Error(`a side effect failed: ${JSON.stringify(rows)}`)
          }
          return rows.length === 3 && rows.every((row) => row.status === "completed") ? rows : null
        }),
      deadlines.sideEffects
    ).catch((error) => {
      throw new Error(`${error.message}\n--- store log ---\n${tail(logFile)}`)
    })
    fact(`side effects completed after ${((Date.now() - checkoutStarted) / 1000).toFixed(1)} s: ${jobs.map((job) => `${job.kind} (${job.attempts} attempt)`).join(", ")}`)

    const [invoice] = await withPg(databaseUrl, async (client) =>
      (await client.query(`SELECT number, file_id, file_url FROM af_invoice WHERE order_id = $1`, [order.id])).rows
    )
    const problems: string[] = []
    const check = (ok: boolean, text: string) => (ok ? fact(text) : problems.push(text))

    // the invoice file, where the store's default File module (the local provider) put it
    const filePath = invoice?.file_id ? path.join(storeDir, "static", invoice.file_id) : ""
    const pdf = filePath && existsSync(filePath) ? readFileSync(filePath) : null
    check(!!invoice?.number && /^INV-\d{4}-\d{6}$/.test(invoice.number), `invoice number ${invoice?.number}`)
    check(
      !!pdf && pdf.subarray(0, 5).toString() === "%PDF-",
      `invoice PDF stored by the local file provider: ${path.relative(storeDir, filePath)} (${pdf?.length ?? 0} bytes)`
    )

    const mails = smtp.received
    check(
      mails.length === 1 && smtp.logins.length > 0,
      `${mails.length} mail received by the SMTP sink, after an SMTP login as ${smtp.logins[0]}`
    )
    const mail = mails[0]
    const attachment = mail?.parsed.attachments[0]
    check(
      mail?.envelopeTo.join() === shopper.email && !!mail.parsed.subject?.includes(invoice?.number ?? "?"),
      `mail to ${mail?.envelopeTo.join(", ")}: "${mail?.parsed.subject}"`
    )
    check(
      attachment?.contentType === "application/pdf" && !!pdf && Buffer.compare(attachment.content, pdf) === 0,
      `attachment ${attachment?.filename} (${attachment?.contentType}, ${attachment?.size} bytes), the stored PDF byte for byte`
    )

    const calls = erp.calls
    check(calls.length === 1, `${calls.length} ERP call received by the stub`)
    const call = calls[0]
    check(call?.status === 201 && call.body?.order_id === order.id, `ERP POST /orders → ${call?.status}, order_id ${call?.body?.order_id}`)
    check(call?.idempotencyKey === `erp-${order.id}`, `Idempotency-Key ${call?.idempotencyKey}`)
    check(
      !!call?.signature && verifyErpSignature(call.rawBody, call.signature, erpSecret),
      `signature ${call?.signature?.slice(0, 24)}… valid (verifyErpSignature)`
    )

    step("stopping the store (SIGTERM)")
    const stopStarted = Date.now()
    const stopped = await new Promise<boolean>((resolve) => {
      if (serverExit !== undefined) {
        return resolve(true)
      }
      const killer = setTimeout(() => resolve(false), deadlines.shutdown)
      server.once("exit", () => {
        clearTimeout(killer)
        resolve(true)
      })
      server.kill("SIGTERM")
    })
    check(stopped, `store stopped in ${((Date.now() - stopStarted) / 1000).toFixed(1)} s (exit ${serverExit})`)

    if (problems.length) {
      throw new Error(`checks failed:\n${problems.map((text) => `  ✖ ${text}`).join("\n")}\n--- store log ---\n${tail(logFile)}`)
    }
    console.log(`\n✔ the packed plugin works in a new store (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  } finally {
    killGroup(server, "SIGKILL")
    await Promise.all([smtp.close(), erp.close()])
  }
}

const command = process.argv[2]
if (command === "cleanup") {
  cleanup().then(
    (deleted) => console.log(`  dropped database ${dbName}; deleted ${deleted} Redis keys under ${redisPrefix}`),
    (error) => {
      console.error(`cleanup failed: ${error.message}`)
      process.exit(1)
    }
  )
} else if (command === "run") {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`\n✖ packed-store test failed: ${error.message}`)
      process.exit(1)
    }
  )
} else {
  console.error("usage: run-packed-store.ts run|cleanup")
  process.exit(2)
}
