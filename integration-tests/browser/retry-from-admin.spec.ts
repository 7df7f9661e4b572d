import { mkdirSync, writeFileSync } from "fs"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { adminToken, fetchStoreRequest, orderSideEffects, placeOrderThroughStoreApi } from "../../store-client"
import { waitFor } from "../../dev-support/wait-for"
import { AdminStoreRun } from "./support/admin-store"
import { launchChromium, logIntoAdmin } from "./support/browser"

const artifacts = path.resolve(__dirname, "../artifacts/browser")
const ERP_ERROR = "customer account blocked in ERP"

/**
 * An order's ERP sync fails for real (the ERP answers 422); the fault is fixed on the ERP side;
 * an admin opens the order in the dashboard, sees the ERP job failed in the "Background jobs"
 * widget and presses Retry, and the job turns Completed. Screenshots go to
 * integration-tests/artifacts/browser/; the assertions read the page's text.
 */
describe("admin UI: retry a failed ERP job from the order page", () => {
  const store = new AdminStoreRun(artifacts)
  let browser: Browser | undefined
  let page: Page
  let order: { id: string; display_id: number }
  const pageErrors: string[] = []
  const consoleLines: string[] = []

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })
  const widgetRow = (kind: string) => page.getByTestId(`side-effect-${kind}`)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    await store.boot()
    store.erp.respondWith(() => ({ status: 422, body: { error: ERP_ERROR } }))
    order = await store.timed("place order (store API)", () =>
      placeOrderThroughStoreApi(fetchStoreRequest(store.baseUrl, store.fixture.publishableKey), store.fixture, {
        email: "anna.nowak@example.com",
        first_name: "Anna",
        last_name: "Nowak",
        country_code: "pl",
        currency: "pln",
        items: [{ variant: "desk", quantity: 1 }],
      })
    )
    const token = await adminToken(store.baseUrl, store.admin.email, store.admin.password)
    await store.timed("side effects settle (ERP failed)", () =>
      waitFor("the ERP job to fail and the invoice and mail to complete", async () => {
        const { jobs } = await orderSideEffects(store.baseUrl, token, order.id)
        const status = Object.fromEntries(jobs.map((job) => [job.kind, job.status]))
        return status.erp === "failed" && status.invoice === "completed" && status.mail === "completed"
      }, { timeoutMs: 60_000, intervalMs: 250 })
    )
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message))
    page.on("console", (message) => consoleLines.push(`[${message.type()}] ${message.text()}`))
  })

  afterAll(async () => {
    writeFileSync(path.join(artifacts, "browser-console.log"), [...consoleLines, ...pageErrors].join("\n"))
    await browser?.close()
    await store.stop()
    console.log(`timings (ms): ${JSON.stringify(store.timings, null, 2)}`)
  })

  it("logs into the dashboard at /app", async () => {
    await store.timed("login (first dashboard load)", () =>
      logIntoAdmin(page, store.baseUrl, store.admin.email, store.admin.password)
    )
    await shot("01-after-login")
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/orders/)
  })

  it("shows the ERP job Failed in the order's Background jobs widget", async () => {
    await store.timed("order page with widget", async () => {
      await page.goto(`${store.baseUrl}/app/orders/${order.id}`)
      await page.getByRole("heading", { name: "Background jobs" }).waitFor({ timeout: 60_000 })
      await widgetRow("erp").getByText("Failed", { exact: true }).waitFor()
    })
    await shot("02-order-erp-failed")
    const erpText = await widgetRow("erp").innerText()
    expect(erpText).toContain("ERP")
    expect(erpText).toContain("Failed")
    expect(erpText).toContain("422")
    expect(erpText).toContain(ERP_ERROR)
    expect(await widgetRow("invoice").innerText()).toContain("Completed")
    const invoiceLink = widgetRow("invoice").getByRole("link", { name: /INV-\d{4}-\d+ \(PDF\)/ })
    expect(await invoiceLink.count()).toBe(1)
    // the link is a plain admin route: the dashboard's session cookie is all it needs
    const pdf = await page.context().request.get(new URL((await invoiceLink.getAttribute("href"))!, page.url()).href)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()["content-type"]).toContain("application/pdf")
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-")
    expect(await widgetRow("mail").innerText()).toContain("Completed")
  })

  it("lists the failed job on the Background jobs page and shows its error history", async () => {
    await page.goto(`${store.baseUrl}/app/async-fulfilment`)
    // the table opens on status = failed: this order's ERP job is the only one
    const row = page.getByRole("row").filter({ hasText: "Failed" })
    await row.waitFor({ timeout: 60_000 })
    expect(await row.count()).toBe(1)
    expect(await row.innerText()).toMatch(new RegExp(`#${order.display_id}\\s+ERP\\s+Failed\\s+1/\\d+`))
    await row.click()
    const drawer = page.getByRole("dialog")
    await drawer.getByText("Error history").waitFor()
    await drawer.getByText(ERP_ERROR, { exact: false }).first().waitFor()
    await shot("03-jobs-page-drawer")
    expect(await drawer.innerText()).toContain("Attempt 1")
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "hidden" })
  })

  it("retries it from the widget once the ERP is fixed, and it turns Completed", async () => {
    store.erp.respondWith(null) // the fault is fixed: the ERP answers 201 again
    await page.goto(`${store.baseUrl}/app/orders/${order.id}`)
    const erpRow = widgetRow("erp")
    await erpRow.getByText("Failed", { exact: true }).waitFor({ timeout: 60_000 })
    await store.timed("retry until Completed", async () => {
      await erpRow.getByRole("button", { name: "Retry" }).click()
      await page.getByText("ERP job queued again").waitFor()
      await erpRow.getByText("Completed", { exact: true }).waitFor({ timeout: 30_000 })
    })
    await shot("04-order-erp-completed")
    const erpText = await erpRow.innerText()
    expect(erpText).toContain("Completed")
    expect(erpText).not.toContain("Failed")
    expect(await erpRow.getByRole("button", { name: "Retry" }).count()).toBe(0)
    expect(store.erp.callsFor(order.id).map((call) => call.status)).toEqual([422, 201])
    expect(pageErrors).toEqual([]) // no uncaught exception in the dashboard along the way
  })
})
