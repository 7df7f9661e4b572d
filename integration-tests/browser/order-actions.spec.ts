import { mkdirSync, writeFileSync } from "fs"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { adminToken, fetchStoreRequest, placeOrderThroughStoreApi } from "../../store-client"
import { fetchJson } from "../../store-client/fetch-json"
import { waitFor } from "../../dev-support/wait-for"
import type { OrderCreditNotesResponse, OrderSideEffectsResponse } from "../../src/api/admin/async-fulfilment/contract"
import { AdminStoreRun } from "./support/admin-store"
import { launchChromium, logIntoAdmin } from "./support/browser"

const artifacts = path.resolve(__dirname, "../artifacts/browser/order-actions")
const RESEND_TO = "accounting@customer.example"
const RESEND_NOTE = "customer lost the first mail"

/**
 * An order is invoiced, then canceled in the admin (a credit note). The admin opens the order in
 * the dashboard, sees the invoice and the credit note with their downloads in the widget, presses
 * "Resend mail" with another address and sees the new mail job turn Completed, the mail arrive
 * at the SMTP server and the action in the audit trail; then "Send to ERP again" sends the order
 * and its credit note under new idempotency keys.
 */
describe("admin UI: the order's documents, Resend mail and Send to ERP again", () => {
  const store = new AdminStoreRun(artifacts)
  let browser: Browser | undefined
  let page: Page
  let token: string
  let order: { id: string; display_id: number }
  let invoiceNumber: string
  let creditNote: OrderCreditNotesResponse["credit_notes"][number]
  const pageErrors: string[] = []
  const consoleLines: string[] = []

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })
  const admin = (pathname: string, init: RequestInit = {}) =>
    fetchJson(`${store.baseUrl}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) },
    })
  const sideEffects = (): Promise<OrderSideEffectsResponse> => admin(`/admin/async-fulfilment/orders/${order.id}/side-effects`)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    await store.boot()
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
    token = await adminToken(store.baseUrl, store.admin.email, store.admin.password)
    await store.timed("invoice, mail and ERP complete", () =>
      waitFor("the order's jobs to complete", async () => {
        const { jobs } = await sideEffects()
        return jobs.length === 3 && jobs.every((job) => job.status === "completed")
      }, { timeoutMs: 60_000, intervalMs: 250 })
    )
    invoiceNumber = (await sideEffects()).invoice!.number
    await admin(`/admin/orders/${order.id}/cancel`, { method: "POST", body: "{}" })
    await store.timed("credit note jobs complete", () =>
      waitFor("the credit note's PDF, mail and ERP jobs to complete", async () => {
        const jobs = (await sideEffects()).jobs.filter((job) => job.subject !== "")
        return jobs.length === 3 && jobs.every((job) => job.status === "completed")
      }, { timeoutMs: 60_000, intervalMs: 250 })
    )
    ;[creditNote] = (await admin(`/admin/async-fulfilment/orders/${order.id}/credit-notes`)).credit_notes
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1200 } })
    page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message))
    page.on("console", (message) => consoleLines.push(`[${message.type()}] ${message.text()}`))
  })

  afterAll(async () => {
    writeFileSync(path.join(artifacts, "browser-console.log"), [...consoleLines, ...pageErrors].join("\n"))
    await browser?.close()
    await store.stop()
    console.log(`timings (ms): ${JSON.stringify(store.timings, null, 2)}`)
  })

  it("shows the invoice and the credit note with their amounts and downloads", async () => {
    await logIntoAdmin(page, store.baseUrl, store.admin.email, store.admin.password)
    await page.goto(`${store.baseUrl}/app/orders/${order.id}`)
    const documents = page.getByTestId("order-documents")
    await documents.waitFor({ timeout: 60_000 })
    const creditNoteRow = page.getByTestId(`document-credit-note-${creditNote.id}`)
    await creditNoteRow.getByRole("link", { name: `${creditNote.number} PDF` }).waitFor({ timeout: 30_000 })
    await shot("01-order-documents")

    const invoiceText = await page.getByTestId("document-invoice").innerText()
    expect(invoiceText).toContain(`Invoice ${invoiceNumber}`)
    expect(invoiceText).toMatch(/PLN|zł/)
    const creditNoteText = await creditNoteRow.innerText()
    expect(creditNoteText).toContain(`Credit note ${creditNote.number}`)
    expect(creditNoteText).toContain(`Cancellation · corrects ${invoiceNumber}`)
    for (const label of ["PDF", "CII XML", "UBL XML"]) {
      expect(await creditNoteRow.getByRole("link", { name: `${creditNote.number} ${label}` }).count()).toBe(1)
    }
    // the links are plain admin routes: the dashboard's session cookie is all they need
    const href = async (label: string) =>
      new URL((await creditNoteRow.getByRole("link", { name: `${creditNote.number} ${label}` }).getAttribute("href"))!, page.url()).href
    const pdf = await page.context().request.get(await href("PDF"))
    expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"])
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-")
    const ubl = await page.context().request.get(await href("UBL XML"))
    expect(ubl.status()).toBe(200)
    expect(await ubl.text()).toContain("<CreditNote")
  })

  it("resends the order mail to another address: the new mail job completes, the mail arrives, the audit trail shows it", async () => {
    const mailsBefore = store.smtp.received.length
    const widget = page.getByTestId("order-actions")
    await widget.getByRole("button", { name: "Resend mail" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByLabel("Send to (optional)").fill(RESEND_TO)
    await drawer.getByLabel("Note (optional)").fill(RESEND_NOTE)
    await shot("02-resend-drawer")
    await store.timed("resend until Completed", async () => {
      await drawer.getByRole("button", { name: "Resend mail" }).click()
      await page.getByText("Mail queued again").waitFor()
      await drawer.waitFor({ state: "hidden" })
      await page.getByTestId("side-effect-mail-resend-1").getByText("Completed", { exact: true }).waitFor({ timeout: 30_000 })
    })
    expect(await page.getByTestId("side-effect-mail-resend-1").innerText()).toContain("Mail (resend 1)")

    const mail = await waitFor("the resent mail at the SMTP server", async () =>
      store.smtp.received.slice(mailsBefore).find((received) => received.envelopeTo.includes(RESEND_TO)) ?? null
    )
    expect(mail.parsed.subject).toContain(invoiceNumber)
    expect(mail.parsed.attachments.map((attachment) => attachment.contentType)).toContain("application/pdf")

    const entry = page.getByTestId("audit-entry-resend_mail")
    await entry.waitFor({ timeout: 30_000 })
    await shot("03-resend-completed")
    const entryText = await entry.innerText()
    expect(entryText).toContain(`Mail resent to ${RESEND_TO}`)
    expect(entryText).toContain(RESEND_NOTE)
    expect(entryText).toMatch(/Admin user_/)
  })

  it("sends the order and its credit note to the ERP again under new idempotency keys", async () => {
    const callsBefore = store.erp.callsFor(order.id).length
    await page.getByTestId("order-actions").getByRole("button", { name: "Send to ERP again" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByRole("button", { name: "Send to ERP again" }).click()
    await page.getByText("ERP sync queued again").waitFor()
    await page.getByTestId("side-effect-erp-resync-1").getByText("Completed", { exact: true }).waitFor({ timeout: 30_000 })
    await page.getByTestId(`side-effect-erp-resync-1-${creditNote.id}`).getByText("Completed", { exact: true }).waitFor({ timeout: 30_000 })
    await page.getByTestId("audit-entry-resync_erp").waitFor({ timeout: 30_000 })
    await shot("04-resync-completed")
    expect(await page.getByTestId(`side-effect-erp-resync-1-${creditNote.id}`).innerText()).toContain("Credit note ERP (resync 1)")
    const keys = store.erp.callsFor(order.id).slice(callsBefore).map((call) => call.idempotencyKey).sort()
    expect(keys).toEqual([`erp-${creditNote.id}-r1`, `erp-${order.id}-r1`].sort())
    expect(await page.getByTestId("audit-entry-resync_erp").innerText()).toContain("Sent to ERP again")
    expect(pageErrors).toEqual([]) // no uncaught exception in the dashboard along the way
  })
})
