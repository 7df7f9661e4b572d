/**
 * A store like this repository's dev store but without the plugin, for the benchmarks' "no
 * plugin" baselines: a generated app directory (in the OS temp dir, `node_modules` linked) whose
 * medusa-config.js is this repository's without the async-fulfilment module and without the
 * project's `src/` (no subscriber, routes or jobs of the plugin). Its only `src/` file is the
 * synchronous side-effect hook of checkout-latency's (c), off unless BENCH_SYNC_EFFECTS=true.
 */
import type { ChildProcess } from "child_process"
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { startMedusa, stopProcess, waitForHealth } from "../demo/demo-process"
import { freePort } from "../dev-support/free-port"

const root = path.resolve(__dirname, "..")

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
 * through the query graph (the plugin's fields and builder), the invoice the plugin issues (its
 * model in the order's language, the CII XML and the Factur-X PDF/A-3b, with the `invoice` options
 * the plugin's store runs with, `optionsFile`; no number allocation, no File module), the mail with the PDF (pooled SMTP to the sink), the ERP POST (the
 * stub answers after 200 ms). Registered only when BENCH_SYNC_EFFECTS=true.
 */
const SYNC_HOOK = (root: string, optionsFile: string) => `
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import nodemailer from "nodemailer"
const { buildOrderDocument } = require(${JSON.stringify(path.join(root, "src/workflows/utils/build-order-document"))})
const { ORDER_DOCUMENT_FIELDS } = require(${JSON.stringify(path.join(root, "src/workflows/utils/order-document-fields"))})
const { buildOrderInvoiceModel, renderIssuedInvoicePdf, renderInvoiceXml } = require(${JSON.stringify(path.join(root, "src/modules/async-fulfilment/invoice"))})
const { invoiceOptionsSchema } = require(${JSON.stringify(path.join(root, "src/modules/async-fulfilment/options/invoice-options"))})

if (process.env.BENCH_SYNC_EFFECTS === "true") {
  const invoiceOptions = invoiceOptionsSchema.parse(require(${JSON.stringify(optionsFile)}))
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(process.env.SMTP_PORT), secure: false, ignoreTLS: true, pool: true })
  completeCartWorkflow.hooks.orderCreated(async ({ order_id }: { order_id: string }, { container }: any) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: [...ORDER_DOCUMENT_FIELDS], filters: { id: order_id } })
    const document = buildOrderDocument(order)
    const model = buildOrderInvoiceModel(document, { number: "SYNC-" + order_id, issued_at: new Date().toISOString() }, invoiceOptions)
    const pdf = await renderIssuedInvoicePdf(model, invoiceOptions)
    const attachments: { filename: string; content: Buffer }[] = [{ filename: "invoice.pdf", content: pdf }]
    if (invoiceOptions.einvoice.attachXml) {
      attachments.push({ filename: "invoice-ubl.xml", content: renderInvoiceXml(model, "ubl") })
    }
    await transport.sendMail({
      from: "Demo Store <orders@demo-store.test>",
      to: document.email,
      subject: "Your order #" + document.display_id,
      text: "Thank you for your order.",
      attachments,
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

/**
 * The `invoice` options of this repository's store (medusa-config.ts read in this process, whose
 * environment the bench passes on to every store it starts): (c) issues the invoice (b) issues.
 */
function storeInvoiceOptions(): unknown {
  const config = require(path.join(root, "medusa-config.ts")).default
  return config.modules.asyncFulfilment.options.invoice
}

export function baselineApp(): string {
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
  const optionsFile = path.join(dir, "invoice-options.json")
  writeFileSync(optionsFile, JSON.stringify(storeInvoiceOptions()))
  writeFileSync(path.join(dir, "src", "workflows", "hooks", "sync-side-effects.ts"), SYNC_HOOK(root, optionsFile))
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "af-bench-baseline", private: true, version: "0.0.0", dependencies: { "@medusajs/medusa": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/cli": "2.21.2" } }))
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir")
  // the store's OpenTelemetry set-up, off unless the bench passes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  symlinkSync(path.join(root, "instrumentation.ts"), path.join(dir, "instrumentation.ts"))
  return dir
}


export function removeBaselineApp(dir: string): void {
  // the node_modules link first, on its own: never recurse into the real node_modules
  unlinkSync(path.join(dir, "node_modules"))
  rmSync(dir, { recursive: true, force: true })
}

export interface BaselineStore {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** `medusa start` of the baseline app with this environment; resolves once /health answers. */
export async function startBaselineStore(dir: string, env: NodeJS.ProcessEnv, logFile: string): Promise<BaselineStore> {
  const port = freePort()
  const url = `http://localhost:${port}`
  const child = startMedusa(["start"], { ...env, PORT: String(port), MEDUSA_BACKEND_URL: url }, logFile, dir)
  await waitForHealth(url, child, 120_000)
  return { url, child, stop: () => stopProcess(child) }
}
