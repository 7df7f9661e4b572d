/**
 * 4. Checkout latency: `POST /store/carts/:id/complete` over real HTTP, one client, back to back,
 *    N completions after a warm-up, p50/p95/p99, for:
 *
 *    (a) no-plugin   the same store (same database, same seed, same Redis event bus and workflow
 *                    engine, same File module) started from a generated app directory whose
 *                    medusa-config has no async-fulfilment module and no project `src/` (so no
 *                    order.placed subscriber): what checkout costs without the plugin at all.
 *    (b) plugin      this repository's store: `split` = a server-mode process (measured) plus a
 *                    worker-mode process running the subscriber and the workers at the same time;
 *                    `shared` = one process doing both (Medusa's default workerMode).
 *    (c) sync        a synchronous baseline, two ways:
 *                    served: the (a) app with a hook on completeCartWorkflow's `orderCreated` (it
 *                    runs inside the workflow, before the response) doing the three side effects
 *                    one after the other: order document (the plugin's query fields and builder),
 *                    invoice PDF (no number allocation), mail with the PDF (pooled SMTP to the
 *                    sink), ERP POST (the stub answers after 200 ms);
 *                    modelled: (a)'s samples + the same inline work measured in this process, as
 *                    a cross-check.
 *
 *    Carts are built beforehand (cart → items → shipping → payment session) and held at the
 *    complete call (integration-tests/processes/support/checkout-burst.ts), so only the completion
 *    is timed. Phases run one after another on one database; at most two Medusa processes at once.
 *
 *   npm run bench:checkout-latency -- [--n=200] [--warmup=20]
 */
import { spawn, ChildProcess } from "child_process"
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import nodemailer from "nodemailer"
import { ProcessStoreRun } from "../integration-tests/processes/support/process-store"
import { prepareCheckouts } from "../integration-tests/processes/support/checkout-burst"
import { fetchStoreRequest } from "../integration-tests/fixtures/fetch-store-request"
import type { Shopper } from "../integration-tests/fixtures/place-order"
import { freePort } from "../integration-tests/helpers/test-env"
import { stopProcess, waitForHealth } from "../demo/demo-process"
import { buildInvoiceLayout, renderInvoicePdf } from "../src/modules/async-fulfilment/invoice"
import { flag, loadavgText, printTable, sleep, summarize, writeResult } from "./lib"

const medusaBin = require.resolve("@medusajs/cli/cli.js")
const root = path.resolve(__dirname, "..")

function shoppers(count: number, tag: string): Shopper[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `bench.${tag}.${i}@example.com`,
    first_name: "Zofia",
    last_name: "Wiśniewska",
    country_code: "pl" as const,
    currency: "pln" as const,
    items: [
      { variant: "desk" as const, quantity: 1 },
      { variant: "tshirt" as const, quantity: 2 },
    ],
  }))
}

/** The store's config without the plugin: same projectConfig and modules, minus async-fulfilment. */
const BASELINE_CONFIG = `
const { defineConfig } = require("@medusajs/framework/utils")
const env = process.env
const redisUrl = env.REDIS_URL
const medusaRedisPrefix = env.MEDUSA_REDIS_PREFIX
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl,
    workerMode: env.MEDUSA_WORKER_MODE || "shared",
    http: {
      storeCors: "http://localhost:8000", adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
      jwtSecret: "supersecret", cookieSecret: "supersecret",
    },
  },
  admin: { disable: true },
  modules: [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl,
        queueOptions: { prefix: medusaRedisPrefix + "-events" }, workerOptions: { prefix: medusaRedisPrefix + "-events" } } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl,
        queueOptions: { prefix: medusaRedisPrefix + "-workflows" }, workerOptions: { prefix: medusaRedisPrefix + "-workflows" } } } },
    { resolve: "@medusajs/medusa/file", options: { providers: [{ resolve: "@medusajs/medusa/file-local", id: "local",
        options: { upload_dir: env.FILE_UPLOAD_DIR, private_upload_dir: env.FILE_UPLOAD_DIR, backend_url: env.MEDUSA_BACKEND_URL + "/static" } }] } },
  ],
})
`

/**
 * (c) served: a hook on completeCartWorkflow's `orderCreated` (it runs inside the workflow, before
 * the response) that does the three side effects inline, one after the other: the order document
 * through the query graph (the plugin's fields and builder), the invoice PDF (the plugin's renderer;
 * no number allocation), the mail with the PDF (pooled SMTP to the sink), the ERP POST (the stub
 * answers after 200 ms). Registered only when BENCH_SYNC_EFFECTS=true.
 */
const SYNC_HOOK = (root: string) => `
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import nodemailer from "nodemailer"
const { buildOrderDocument } = require(${JSON.stringify(path.join(root, "src/workflows/utils/build-order-document"))})
const { ORDER_DOCUMENT_FIELDS } = require(${JSON.stringify(path.join(root, "src/workflows/utils/order-document-fields"))})
const { buildInvoiceLayout, renderInvoicePdf } = require(${JSON.stringify(path.join(root, "src/modules/async-fulfilment/invoice"))})

if (process.env.BENCH_SYNC_EFFECTS === "true") {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(process.env.SMTP_PORT), secure: false, ignoreTLS: true, pool: true })
  completeCartWorkflow.hooks.orderCreated(async ({ order_id }: { order_id: string }, { container }: any) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: [...ORDER_DOCUMENT_FIELDS], filters: { id: order_id } })
    const document = buildOrderDocument(order)
    const pdf = await renderInvoicePdf(buildInvoiceLayout({
      order: document,
      invoice: { number: "SYNC-" + order_id, issued_at: new Date().toISOString() },
      seller: { name: "Demo Store Sp. z o.o.", address: "ul. Prosta 1\\n00-001 Warszawa\\nPoland" },
    }))
    await transport.sendMail({
      from: "Demo Store <orders@demo-store.test>",
      to: document.email,
      subject: "Your order #" + document.display_id,
      text: "Thank you for your order.",
      attachments: [{ filename: "invoice.pdf", content: pdf }],
    })
    const response = await fetch(process.env.ERP_URL as string, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "sync-" + order_id },
      body: JSON.stringify(document),
    })
    await response.text()
  })
}
`

function baselineApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-bench-baseline-"))
  writeFileSync(path.join(dir, "medusa-config.js"), BASELINE_CONFIG)
  // as the repository's: the CLI's ts-node then transpiles with swc, without type-checking
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true, skipLibCheck: true, strictNullChecks: true },
      "ts-node": { swc: true },
    })
  )
  mkdirSync(path.join(dir, "src", "workflows", "hooks"), { recursive: true })
  writeFileSync(path.join(dir, "src", "workflows", "hooks", "sync-side-effects.ts"), SYNC_HOOK(root))
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "af-bench-baseline", private: true, version: "0.0.0", dependencies: { "@medusajs/medusa": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/cli": "2.21.2" } }))
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir")
  return dir
}

async function measure(baseUrl: string, publishableKey: string, fixture: ProcessStoreRun["fixture"], n: number, warmup: number, tag: string) {
  const request = fetchStoreRequest(baseUrl, publishableKey)
  const prepared = await prepareCheckouts(request, fixture, shoppers(n + warmup, tag), 4)
  const samples: number[] = []
  const orderIds: string[] = []
  for (let i = 0; i < prepared.length; i++) {
    const a = performance.now()
    const order = await prepared[i].complete()
    const ms = performance.now() - a
    if (i >= warmup) {
      samples.push(ms)
      orderIds.push(order.id)
    }
  }
  return { samples, orderIds }
}

async function waitForSideEffects(databaseUrl: string, orderIds: string[], timeoutMs = 180_000) {
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  const t0 = Date.now()
  try {
    while (Date.now() - t0 < timeoutMs) {
      const { rows: [r] } = await db.query<{ done: string }>(
        `SELECT count(*) AS done FROM af_side_effect_job WHERE order_id = ANY($1) AND status IN ('completed','failed')`,
        [orderIds]
      )
      if (Number(r.done) >= orderIds.length * 3) return Date.now() - t0
      await sleep(500)
    }
    return NaN
  } finally {
    await db.end()
  }
}

/** (c): the three side effects inline, one after the other, for one order, in this process. */
async function inlineSideEffectCost(run: ProcessStoreRun, orderIds: string[], env: NodeJS.ProcessEnv) {
  const db = new Client({ connectionString: run.databaseUrl })
  await db.connect()
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(env.SMTP_PORT), secure: false, ignoreTLS: true, pool: true })
  const samples: { pdf: number; mail: number; erp: number; total: number }[] = []
  try {
    for (const orderId of orderIds) {
      const { rows: [snap] } = await db.query(`SELECT document FROM af_order_snapshot WHERE order_id = $1`, [orderId])
      if (!snap) continue
      const t0 = performance.now()
      const layout = buildInvoiceLayout({
        order: snap.document,
        invoice: { number: `SYNC-${orderId}`, issued_at: new Date().toISOString() },
        seller: { name: "Demo Store Sp. z o.o.", address: "ul. Prosta 1\n00-001 Warszawa\nPoland" },
      })
      const pdf = await renderInvoicePdf(layout)
      const t1 = performance.now()
      await transport.sendMail({
        from: "Demo Store <orders@demo-store.test>",
        to: snap.document.email,
        subject: `Your order #${snap.document.display_id}`,
        text: "Thank you for your order.",
        attachments: [{ filename: "invoice.pdf", content: pdf }],
      })
      const t2 = performance.now()
      const response = await fetch(env.ERP_URL!, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `sync-${orderId}` },
        body: JSON.stringify(snap.document),
      })
      await response.text()
      const t3 = performance.now()
      samples.push({ pdf: t1 - t0, mail: t2 - t1, erp: t3 - t2, total: t3 - t0 })
    }
  } finally {
    transport.close()
    await db.end()
  }
  return samples
}

export async function main() {
  const n = flag("n", 200)
  const warmup = flag("warmup", 20)
  const variantArg = process.argv.find((a) => a.startsWith("--variants="))?.split("=")[1]
  const wanted = new Set((variantArg ?? "a,c,split,shared").split(","))
  const artifacts = path.join(__dirname, "results", "checkout-latency")
  mkdirSync(artifacts, { recursive: true })
  const run = new ProcessStoreRun(artifacts, { lockMs: 30_000, stalledIntervalMs: 30_000, erpDelayMs: { min: 200, max: 200 } })
  console.log(`checkout-latency: N=${n} after ${warmup} warm-up, load average ${loadavgText()}`)
  const results: Record<string, { samples: number[]; load: string; drain_ms?: number }> = {}
  let baselineDir = ""
  let baseline = null as ChildProcess | null
  let pluginOrderIds: string[] = []
  let syncCheck: { erp_calls: number; mails: number; expected: number } | null = null
  try {
    await run.prepare()
    const env = (run as unknown as { baseEnv_: NodeJS.ProcessEnv }).baseEnv_

    // (a) no plugin, and (c) the same app with the side effects inline: generated app, same database and Redis prefixes
    baselineDir = baselineApp()
    const startBaseline = async (label: string, sync: boolean) => {
      const port = freePort()
      const log = createWriteStream(path.join(artifacts, `${label}.log`))
      baseline = spawn(process.execPath, [medusaBin, "start"], {
        cwd: baselineDir,
        env: { ...env, PORT: String(port), MEDUSA_WORKER_MODE: "shared", MEDUSA_BACKEND_URL: `http://localhost:${port}`, BENCH_SYNC_EFFECTS: String(sync) },
        stdio: ["ignore", "pipe", "pipe"],
      })
      baseline.stdout!.pipe(log)
      baseline.stderr!.pipe(log)
      await waitForHealth(`http://localhost:${port}`, baseline, 120_000)
      return `http://localhost:${port}`
    }
    if (wanted.has("a")) {
      const url = await startBaseline("no-plugin", false)
      const load = loadavgText()
      const { samples } = await measure(url, run.fixture.publishableKey, run.fixture, n, warmup, "a")
      results["(a) no plugin, shared"] = { samples, load }
      await stopProcess(baseline!)
      baseline = null
    }
    if (wanted.has("c")) {
      const erpBefore = run.erp.documents.size
      const mailsBefore = run.smtp.received.length
      const url = await startBaseline("sync-inline", true)
      const load = loadavgText()
      const { samples } = await measure(url, run.fixture.publishableKey, run.fixture, n, warmup, "c")
      results["(c) sync, served (side effects in orderCreated hook)"] = { samples, load }
      syncCheck = { erp_calls: run.erp.documents.size - erpBefore, mails: run.smtp.received.length - mailsBefore, expected: n + warmup }
      await stopProcess(baseline!)
      baseline = null
    }

    // (b) plugin, split: server (measured) + worker
    if (wanted.has("split")) {
      const server = await run.start("split-server", "server")
      const worker = await run.start("split-worker", "worker")
      const load = loadavgText()
      const { samples, orderIds } = await measure(server.baseUrl, run.fixture.publishableKey, run.fixture, n, warmup, "bsplit")
      const drain = await waitForSideEffects(run.databaseUrl, orderIds)
      results["(b) plugin, split server+worker"] = { samples, load, drain_ms: drain }
      pluginOrderIds = orderIds
      await server.terminate()
      await worker.terminate()
    }

    // (b) plugin, shared: one process serves and runs the workers
    if (wanted.has("shared")) {
      const shared = await run.start("shared", "shared" as "server")
      const load = loadavgText()
      const { samples, orderIds } = await measure(shared.baseUrl, run.fixture.publishableKey, run.fixture, n, warmup, "bshared")
      const drain = await waitForSideEffects(run.databaseUrl, orderIds)
      results["(b) plugin, shared"] = { samples, load, drain_ms: drain }
      await shared.terminate()
    }

    // (c) modelled: (a) + the side effects inline, measured here for the same kind of order
    const inline = await inlineSideEffectCost(run, pluginOrderIds, env)
    const a = results["(a) no plugin, shared"]?.samples ?? []
    if (a.length && inline.length) {
      const modelled = a.map((ms, i) => ms + (inline[i % inline.length]?.total ?? NaN))
      results["(c) sync, modelled ((a) + inline effects measured here)"] = { samples: modelled, load: loadavgText() }
    }

    const base = summarize(a)
    const rows = Object.entries(results).map(([variant, r]) => {
      const s = summarize(r.samples)
      return {
        variant,
        n: s.n,
        "p50 ms": s.p50,
        "p95 ms": s.p95,
        "p99 ms": s.p99,
        "max ms": s.max,
        "p50 ÷ (a)": s.p50 / base.p50,
        "p99 ÷ (a)": s.p99 / base.p99,
        "effects drained after (s)": r.drain_ms === undefined ? null : r.drain_ms / 1000,
        "load avg at start": r.load,
      }
    })
    printTable(`POST /store/carts/:id/complete, one client, back to back, N=${n} after ${warmup} warm-up`, rows)
    const pick = (k: "pdf" | "mail" | "erp" | "total") => summarize(inline.map((s) => s[k]))
    printTable(
      "Inline side-effect cost per order, used for (c) (ms)",
      (["pdf", "mail", "erp", "total"] as const).map((k) => ({ step: k, n: pick(k).n, p50: pick(k).p50, p95: pick(k).p95, p99: pick(k).p99 }))
    )
    if (syncCheck) {
      console.log(`\n(c) served did its side effects: ${syncCheck.mails} mails and ${syncCheck.erp_calls} ERP documents for ${syncCheck.expected} checkouts`)
    }
    console.log(`\nload average after: ${loadavgText()}`)
    writeResult("checkout-latency", {
      sync_served_check: syncCheck,
      n,
      warmup,
      variants: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { ...summarize(r.samples), load_at_start: r.load, drain_ms: r.drain_ms }])),
      inline_side_effects_ms: { pdf: pick("pdf"), mail: pick("mail"), erp: pick("erp"), total: pick("total") },
      timings: run.timings,
    })
  } finally {
    if (baseline) await stopProcess(baseline)
    if (baselineDir) {
      // the node_modules link first, on its own: never recurse into the real node_modules
      unlinkSync(path.join(baselineDir, "node_modules"))
      rmSync(baselineDir, { recursive: true, force: true })
    }
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
