/**
 * `npm run demo`: boots the development store with this plugin, places real orders through
 * the store API as a storefront would, and shows where each invoice PDF, mail and ERP call went;
 * each invoice is downloaded as Factur-X PDF, CII and UBL and checked with the EN 16931 validator.
 * Needs PostgreSQL and Redis (DB_HOST/DB_USERNAME, REDIS_URL); everything else runs in-process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs"
import path from "path"
import { ErpStub } from "../dev-support/erp-stub"
import { SmtpSink } from "../dev-support/smtp-sink"
import { adminToken, completeCart, fetchStoreRequest, placeOrderThroughStoreApi, PlacedOrder, prepareCart, preparePayment, Shopper, StoreFixture } from "../store-client"
import { waitFor } from "../dev-support/wait-for"
import { freePort } from "../dev-support/free-port"
import { deleteRedisKeys } from "../dev-support/redis-cleanup"
import { verifyErpSignature } from "../src/modules/async-fulfilment/erp/sign-erp-request"
import { readSideEffects, recreateDatabase, schedulingDelays } from "./demo-database"
import { runMedusa, startMedusa, stopProcess, waitForHealth } from "./demo-process"
import { printReport } from "./print-report"
import { combineEInvoiceBatches, downloadAndCheckEInvoices, einvoicesPassed } from "./download-einvoices"

const root = path.resolve(__dirname, "..")
const output = path.join(root, "demo", "output")
const dbHost = process.env.DB_HOST ?? "localhost"
const dbUser = process.env.DB_USERNAME ?? "postgres"
const dbPassword = process.env.DB_PASSWORD ?? "postgres"
const dbName = process.env.DEMO_DB_NAME ?? "medusa_async_fulfilment_demo"
const pgBase = `postgres://${dbUser}:${dbPassword}@${dbHost}:${process.env.DB_PORT ?? 5432}`
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const erpSecret = "demo-erp-signing-secret-0123456789"

const demoAdmin = { email: "admin@demo-store.test", password: "demo-admin-password" }
/** Nowak Meble's NIP as a buyer types it: the invoice carries it with its country prefix, PL6772477900 */
const nowakMebleNip = "677-247-79-00"
const b2bBuyer: Shopper = {
  email: "zakupy@nowak-meble.example",
  first_name: "Tomasz",
  last_name: "Nowak",
  company: "Nowak Meble Sp. z o.o.",
  country_code: "pl",
  currency: "pln",
  items: [{ variant: "desk", quantity: 4 }],
  // this storefront keeps the VAT ID on the order (cart metadata), the first one on the billing address
  metadata: { vat_id: nowakMebleNip },
}

const shoppers: Shopper[] = [
  // Polish B2B: company and NIP on the billing address
  { email: "anna.nowak@example.com", first_name: "Anna", last_name: "Nowak", company: "Nowak Meble Sp. z o.o.", country_code: "pl", currency: "pln", items: [{ variant: "desk", quantity: 1 }, { variant: "tshirt", quantity: 2 }], billing_metadata: { vat_id: nowakMebleNip } },
  // German and French consumers
  { email: "jonas.weber@example.com", first_name: "Jonas", last_name: "Weber", country_code: "de", currency: "eur", items: [{ variant: "tshirt", quantity: 3 }] },
  { email: "marie.dubois@example.com", first_name: "Marie", last_name: "Dubois", country_code: "fr", currency: "eur", items: [{ variant: "desk", quantity: 2 }] },
]

async function main() {
  const step = (text: string) => console.log(`\n▶ ${text}`)
  rmSync(output, { recursive: true, force: true })
  mkdirSync(path.join(output, "mails"), { recursive: true })
  mkdirSync(path.join(output, "erp"), { recursive: true })
  const einvoiceDir = path.join(output, "einvoices")
  const logFile = path.join(output, "store.log")

  step("starting the local SMTP sink and ERP endpoint")
  const smtp = new SmtpSink()
  const erp = new ErpStub()
  const [smtpPort, erpPort, storePort] = [await smtp.listen(), await erp.listen(), freePort()]
  const baseUrl = `http://localhost:${storePort}`
  console.log(`  SMTP on 127.0.0.1:${smtpPort}, ERP on http://127.0.0.1:${erpPort}/orders`)

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(storePort),
    DATABASE_URL: `${pgBase}/${dbName}`,
    DB_HOST: dbHost,
    DB_USERNAME: dbUser,
    DB_PASSWORD: dbPassword,
    REDIS_URL: redisUrl,
    MEDUSA_REDIS_PREFIX: "af-demo-medusa",
    ASYNC_FULFILMENT_QUEUE_PREFIX: "af-demo",
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_BACKEND_URL: baseUrl,
    FILE_UPLOAD_DIR: path.join(output, "uploads"),
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    ERP_URL: `http://127.0.0.1:${erpPort}/orders`,
    ERP_SECRET: erpSecret,
    DEMO_FIXTURE_FILE: path.join(output, "store.json"),
    // B2B orders from these totals wait for an admin's risk review
    ASYNC_FULFILMENT_RISK_THRESHOLDS: JSON.stringify({ pln: 10_000, eur: 2_500 }),
    // invoices and mails in the buyer's language, by billing country
    INVOICE_LANGUAGES_BY_COUNTRY: JSON.stringify({ PL: "pl", DE: "de", FR: "fr" }),
  }

  step(`creating database ${dbName} and running Medusa's and the plugin's migrations`)
  await recreateDatabase(`${pgBase}/postgres`, dbName)
  await deleteRedisKeys(redisUrl, ["af-demo:", "af-demo-medusa-"])
  await runMedusa(["db:migrate"], env, logFile)

  step("seeding the store: regions, VAT, warehouse, shipping, products, publishable key")
  await runMedusa(["exec", "./demo/seed.ts"], env, logFile)
  await runMedusa(["user", "-e", demoAdmin.email, "-p", demoAdmin.password], env, logFile)
  const store: StoreFixture = JSON.parse(readFileSync(path.join(output, "store.json"), "utf8"))

  step(`starting the store (medusa start) on ${baseUrl}`)
  const server = startMedusa(["start"], env, logFile)
  try {
    await waitForHealth(baseUrl, server)
    const request = fetchStoreRequest(baseUrl, store.publishableKey)

    step("warming the store up: one cart through shipping and payment, not completed (untimed)")
    const warmUpStarted = Date.now()
    await preparePayment(request, await prepareCart(request, store, shoppers[0]))
    console.log(`  ${Date.now() - warmUpStarted} ms: Medusa builds its caches and query plans on first use, with or without this plugin`)

    step(`placing ${shoppers.length} orders through the store API (cart → shipping → payment → complete)`)
    const orders: PlacedOrder[] = []
    for (const shopper of shoppers) {
      const cartId = await prepareCart(request, store, shopper)
      await preparePayment(request, cartId)
      const started = Date.now()
      const order = await completeCart(request, cartId)
      orders.push(order)
      console.log(`  order #${order.display_id} for ${shopper.first_name} ${shopper.last_name}: POST /store/carts/:id/complete answered in ${Date.now() - started} ms`)
    }

    step("waiting for the workers: invoice PDF → mail with it attached; ERP sync beside them")
    await waitForSettled(env.DATABASE_URL!, orders.map((order) => order.id))
    const scheduling = await schedulingDelays(env.DATABASE_URL!, orders.map((order) => order.id))
    console.log(
      `  the plugin adds nothing to the request: its order.placed subscriber runs after the response and had the jobs of each order recorded ${scheduling.map((ms) => `${ms} ms`).join(", ")} after the order was created (README, Performance: +1 ms p50 on checkout)`
    )
    const token = await adminToken(baseUrl, demoAdmin.email, demoAdmin.password)
    // downloaded and validated while the review below runs
    const firstEInvoices = downloadAndCheckEInvoices(baseUrl, token, orders.map((order) => order.id), einvoiceDir)

    step("a large B2B order (PLN 10,000 or more, a company on the invoice) goes to risk review")
    const b2b = await placeOrderThroughStoreApi(request, store, b2bBuyer)
    orders.push(b2b)
    const review = await waitFor("the pending review", () => pendingReviewOf(baseUrl, token, b2b.id))
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const held = await readSideEffects(env.DATABASE_URL!, [b2b.id])
    console.log(`  order #${b2b.display_id}: review ${review.id} pending (${review.reasons.join(", ")}, threshold ${review.threshold} PLN)`)
    console.log(`  side effects: ${held.jobs.map((job) => `${job.kind} ${job.status}`).join(", ")}; invoices: ${held.invoices.length}`)
    console.log(`  mails so far: ${smtp.received.filter((mail) => mail.parsed.messageId?.includes(b2b.id)).map((mail) => `"${mail.parsed.subject}"`).join(", ")}`)

    step(`an admin approves it: POST /admin/async-fulfilment/reviews/${review.id}/approve`)
    const approved = await fetch(`${baseUrl}/admin/async-fulfilment/reviews/${review.id}/approve`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ note: "known customer, credit checked" }),
    })
    console.log(`  → ${approved.status}, review ${(await approved.json()).review?.status}`)
    await waitForSettled(env.DATABASE_URL!, orders.map((order) => order.id))

    const canceled = orders[2]
    step(`the customer of order #${canceled.display_id} cancels; an admin cancels it in Medusa (POST /admin/orders/:id/cancel)`)
    const cancel = await fetch(`${baseUrl}/admin/orders/${canceled.id}/cancel`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    })
    console.log(`  → ${cancel.status}; the invoice stays as issued, a credit note in its own series takes it back`)
    const state = await waitForSettled(env.DATABASE_URL!, orders.map((order) => order.id), [canceled.id])

    step("each invoice as the admin downloads it (GET /admin/async-fulfilment/orders/:id/invoice?format=pdf|cii|ubl), checked with the EN 16931 validator")
    const lastEInvoices = await downloadAndCheckEInvoices(baseUrl, token, [b2b.id], einvoiceDir)
    step("the credit note as the admin downloads it (GET /admin/async-fulfilment/credit-notes/:id?format=pdf|cii|ubl), checked the same way")
    const creditNotes = await downloadAndCheckEInvoices(
      baseUrl,
      token,
      state.creditNotes.map((note) => ({ orderId: note.order_id, creditNoteId: note.id })),
      einvoiceDir
    )
    const einvoices = combineEInvoiceBatches([await firstEInvoices, lastEInvoices, creditNotes])

    smtp.received.forEach((mail, index) => writeFileSync(path.join(output, "mails", `mail-${index + 1}.eml`), mail.raw))
    erp.calls.forEach((call, index) => writeFileSync(path.join(output, "erp", `call-${index + 1}.json`), JSON.stringify(call.body, null, 2)))
    printReport({ orders, state, smtp, erp, erpSecret, output, einvoices, verify: verifyErpSignature })
    const settledOk = state.jobs.every((job) => job.status === "completed")
    process.exitCode = settledOk && einvoicesPassed(einvoices) ? 0 : 1
  } finally {
    await stopProcess(server)
    await Promise.all([smtp.close(), erp.close()])
  }
}

/** Until every order's three side effects (and those of a credit note for each canceled order) are final, or 60 s. */
async function waitForSettled(databaseUrl: string, ids: string[], canceledIds: string[] = []) {
  const deadline = Date.now() + 60_000
  let state = await readSideEffects(databaseUrl, ids)
  const final = () => state.jobs.filter((job) => job.status === "completed" || job.status === "failed").length
  while (final() < (ids.length + canceledIds.length) * 3) {
    if (Date.now() > deadline) {
      throw new Error(`side effects not settled after 60 s: ${JSON.stringify(state.jobs)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
    state = await readSideEffects(databaseUrl, ids)
  }
  return state
}

async function pendingReviewOf(baseUrl: string, token: string, orderId: string) {
  const response = await fetch(`${baseUrl}/admin/async-fulfilment/reviews?order_id=${orderId}&status=pending`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return (await response.json()).reviews?.[0] ?? null
}

main().catch((error) => {
  console.error(`\n✖ demo failed: ${error.message}`)
  process.exit(1)
})
