import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { waitFor } from "../../dev-support/wait-for"
import { readPdfText } from "../helpers/read-pdf-text"
import { mapConcurrently } from "../helpers/map-concurrently"

// a scraper's credential for GET /async-fulfilment/metrics (read by medusa-config.ts at boot)
const METRICS_TOKEN = "metrics-scraper-token-0123456789abcdef"
process.env.ASYNC_FULFILMENT_METRICS_TOKEN = METRICS_TOKEN
const testEnv = prepareTestEnv("jobs-admin")
jest.setTimeout(120_000)

const BASE = "/admin/async-fulfilment"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const { erp, smtp } = session
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminAuthHeaders(getContainer())
    })

    const failErpFor = (...emails: string[]) =>
      erp.respondWith((call) =>
        emails.includes(call.body?.customer?.email) ? { status: 500, body: { error: "ERP database offline" } } : { status: 201 }
      )
    const jobOf = async (orderId: string, kind: string) => (await session.rowOf(orderId, kind))!

    it("refuses every route without an admin session", async () => {
      const routes: [string, string][] = [
        ["get", `${BASE}/jobs`],
        ["get", `${BASE}/jobs/afjob_x`],
        ["post", `${BASE}/jobs/afjob_x/retry`],
        ["post", `${BASE}/jobs/retry`],
        ["post", `${BASE}/jobs/afjob_x/discard`],
        ["get", `${BASE}/orders/order_x/side-effects`],
        ["get", `${BASE}/orders/order_x/invoice`],
        ["get", `${BASE}/stats`],
        ["get", `${BASE}/metrics`],
      ]
      for (const [method, url] of routes) {
        const response = await (api as any)[method](url, ...(method === "post" ? [{}] : [])).catch((e: any) => e.response)
        expect([url, response.status]).toEqual([url, 401])
      }
    })

    it("lists an ERP failure with its history, and retries it alone and in bulk once the ERP is back", async () => {
      failErpFor("erp-down-1@example.com", "erp-down-2@example.com")
      const first = await session.placeOrder({ ...anna, email: "erp-down-1@example.com" })
      const second = await session.placeOrder({ ...anna, email: "erp-down-2@example.com" })
      await session.statusOf(first.id, "erp", "failed")
      await session.statusOf(second.id, "erp", "failed")

      const { data: list } = await api.get(`${BASE}/jobs?status=failed&kind=erp&limit=10`, admin)
      expect(list).toMatchObject({ count: 2, offset: 0, limit: 10 })
      const listed = list.jobs.find((job: any) => job.order_id === first.id)
      expect(listed).toMatchObject({
        kind: "erp",
        status: "failed",
        attempts: 3,
        max_attempts: 3,
        order_display_id: first.display_id,
        next_retry_at: null,
        last_error: { message: expect.stringContaining("HTTP 500"), stack_head: expect.stringMatching(/^at /) },
      })

      const { data: detail } = await api.get(`${BASE}/jobs/${listed.id}`, admin)
      expect(detail.job.error_history.map((entry: any) => [entry.attempt, entry.final])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ])
      expect(detail.job.queue).toMatchObject({ name: "af-erp", state: "failed", attempts_made: 3 })
      expect(detail.job.payload).toEqual({
        schema_version: 1,
        kind: "erp",
        order_id: first.id,
        correlation_id: first.id,
        event_id: expect.any(String),
      })

      const { data: stats } = await api.get(`${BASE}/stats`, admin)
      expect(stats.kinds.erp).toMatchObject({ failed: 2, waiting: 0, active: 0 })
      expect(stats.kinds.invoice.completed_last_hour).toBe(2)
      const { data: metrics, headers } = await api.get(`${BASE}/metrics`, admin)
      expect(headers["content-type"]).toContain("text/plain")
      expect(metrics).toContain('async_fulfilment_records{kind="erp",state="failed"} 2')
      expect(metrics).toMatch(/bullmq_job_count\{[^}]*queue="af-erp"[^}]*state="failed"[^}]*\} 2/)

      erp.respondWith(null)
      const { data: retried } = await api.post(`${BASE}/jobs/${listed.id}/retry`, {}, admin)
      expect(retried.job).toMatchObject({ id: listed.id, attempts: 0, last_error: null })
      expect(["waiting", "active", "completed"]).toContain(retried.job.status)
      await session.statusOf(first.id, "erp", "completed")

      const { data: bulk } = await api.post(`${BASE}/jobs/retry`, { kind: "erp", error_contains: "http 500" }, admin)
      expect(bulk).toEqual({ retried: 1, ids: [(await jobOf(second.id, "erp")).id], batches: 1 })
      await session.statusOf(second.id, "erp", "completed")

      for (const order of [first, second]) {
        expect(erp.callsFor(order.id).filter((call) => call.status === 201)).toHaveLength(1)
        const { data } = await api.get(`${BASE}/jobs/${(await jobOf(order.id, "erp")).id}`, admin)
        expect(data.job).toMatchObject({ status: "completed", attempts: 1 })
        expect(data.job.queue?.state ?? "completed").toBe("completed")
      }
      const again = await api.post(`${BASE}/jobs/${listed.id}/retry`, {}, admin).catch((e: any) => e.response)
      expect(again.status).toBe(409)
      expect(again.data.message).toContain("is completed: only failed or discarded jobs can be retried")
      const discardCompleted = await api.post(`${BASE}/jobs/${listed.id}/discard`, {}, admin).catch((e: any) => e.response)
      expect(discardCompleted.status).toBe(409)
      expect(discardCompleted.data.message).toContain("is completed: only failed jobs can be discarded")
    })

    it("shows an order's side effects with its invoice, and retries a mail the SMTP server kept refusing", async () => {
      smtp.refuseNext(3)
      const order = await session.placeOrder()
      await session.statusOf(order.id, "mail", "failed")

      const { data } = await api.get(`${BASE}/orders/${order.id}/side-effects`, admin)
      const byKind = Object.fromEntries(data.jobs.map((job: any) => [job.kind, job]))
      expect(byKind.invoice.status).toBe("completed")
      expect(byKind.mail).toMatchObject({ status: "failed", attempts: 3 })
      expect(byKind.mail.last_error.message).toContain("451")
      expect(data.invoice).toMatchObject({ number: expect.stringMatching(/^INV-/), download_url: `${BASE}/orders/${order.id}/invoice` })

      const pdf = await api.get(data.invoice.download_url, { ...admin, responseType: "arraybuffer" })
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      expect(await readPdfText(Buffer.from(pdf.data))).toContain(data.invoice.number)

      await api.post(`${BASE}/jobs/${byKind.mail.id}/retry`, {}, admin)
      await session.statusOf(order.id, "mail", "completed")
      expect(session.mailsTo(order.id)).toHaveLength(1)
    })

    it("discards a failure for good, out of the failed set but kept for audit, and can still retry it", async () => {
      erp.respondWith((call) =>
        call.body?.customer?.email === "erp-422@example.com" ? { status: 422, body: { error: "unknown VAT id" } } : { status: 201 }
      )
      const order = await session.placeOrder({ ...anna, email: "erp-422@example.com" })
      await session.statusOf(order.id, "erp", "failed")
      const job = await jobOf(order.id, "erp")

      const { data } = await api.post(`${BASE}/jobs/${job.id}/discard`, { note: "booked by hand in the ERP" }, admin)
      expect(data.job).toMatchObject({ status: "discarded", discard_note: "booked by hand in the ERP" })
      expect(data.job.last_error.message).toContain("unknown VAT id")
      const { data: detail } = await api.get(`${BASE}/jobs/${job.id}`, admin)
      expect(detail.job.queue).toBeNull()
      const { data: failed } = await api.get(`${BASE}/jobs?status=failed&order_id=${order.id}`, admin)
      expect(failed.count).toBe(0)
      const twice = await api.post(`${BASE}/jobs/${job.id}/discard`, {}, admin).catch((e: any) => e.response)
      expect(twice.status).toBe(409)
      expect(twice.data).toMatchObject({ type: "conflict", message: expect.stringContaining("is discarded: only failed jobs can be discarded") })

      erp.respondWith(null)
      await api.post(`${BASE}/jobs/${job.id}/retry`, {}, admin)
      await session.statusOf(order.id, "erp", "completed")
      expect(erp.callsFor(order.id).map((call) => call.status)).toEqual([422, 201])
    })

    it("answers 404 for unknown jobs and 400 for bad filters and bodies", async () => {
      const fail = (promise: Promise<unknown>) => promise.catch((e: any) => e.response)
      expect((await fail(api.get(`${BASE}/jobs/afjob_missing`, admin))).status).toBe(404)
      expect((await fail(api.post(`${BASE}/jobs/afjob_missing/retry`, {}, admin))).status).toBe(404)
      expect((await fail(api.post(`${BASE}/jobs/afjob_missing/discard`, {}, admin))).status).toBe(404)

      const bad = [
        await fail(api.get(`${BASE}/jobs?status=exploded`, admin)),
        await fail(api.get(`${BASE}/jobs?kind=fax`, admin)),
        await fail(api.get(`${BASE}/jobs?limit=many`, admin)),
        await fail(api.get(`${BASE}/jobs?created_at[gte]=yesterday`, admin)),
        await fail(api.post(`${BASE}/jobs/retry`, { kind: "erp", everything: true }, admin)),
        await fail(api.post(`${BASE}/jobs/retry`, { status: "completed" }, admin)),
        await fail(api.post(`${BASE}/jobs/afjob_x/discard`, { note: 42 }, admin)),
        await fail(api.post(`${BASE}/jobs/afjob_x/retry`, { force: true }, admin)),
      ]
      expect(bad.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400])
      expect(bad[0].data).toMatchObject({ type: "invalid_data", message: expect.stringContaining("status") })
    })

    it("pages and filters the list by state and time", async () => {
      const orders = [await session.placeOrder(), await session.placeOrder()]
      await Promise.all(orders.map((order) => session.settled(order.id)))
      const { data: page } = await api.get(`${BASE}/jobs?status=completed&limit=2&offset=1&order=created_at`, admin)
      expect(page).toMatchObject({ count: 6, offset: 1, limit: 2 })
      expect(page.jobs).toHaveLength(2)
      const future = new Date(Date.now() + 60_000).toISOString()
      const { data: none } = await api.get(`${BASE}/jobs?created_at[gte]=${future}`, admin)
      expect(none.count).toBe(0)
      const { data: waiting } = await api.get(`${BASE}/jobs?status=waiting`, admin)
      expect(waiting.count).toBe(0)
      await waitFor("stats to show completions", async () => {
        const { data } = await api.get(`${BASE}/stats`, admin)
        return data.kinds.mail.completed_last_day === 2 && data.kinds.mail.processing_rate_per_minute > 0
      })
    })

    it("caps list pages at 100 and refuses limits below 1 or not numbers", async () => {
      const status = (url: string) => api.get(url, admin).then((r: any) => r.status, (e: any) => e.response.status)
      const answers = await Promise.all(
        ["limit=101", "limit=10000000", "limit=0", "limit=-1", "limit=abc", "limit=2.5", "offset=-1"].flatMap((query) => [
          status(`${BASE}/jobs?${query}`),
          status(`${BASE}/reviews?${query}`),
        ])
      )
      expect(answers).toEqual(Array(14).fill(400))
      const { data: page } = await api.get(`${BASE}/jobs?limit=100`, admin)
      expect(page.limit).toBe(100)
      const refused = await api.get(`${BASE}/jobs?limit=101`, admin).catch((e: any) => e.response)
      expect(refused.data).toMatchObject({ type: "invalid_data", message: expect.stringContaining("limit") })
    })

    it("refuses a bulk retry without a filter, and retries many rows in batches of 100", async () => {
      const unfiltered = await api.post(`${BASE}/jobs/retry`, {}, admin).catch((e: any) => e.response)
      expect(unfiltered.status).toBe(400)
      expect(unfiltered.data.message).toContain("all: true")
      const onlyStatus = await api.post(`${BASE}/jobs/retry`, { status: "failed" }, admin).catch((e: any) => e.response)
      expect(onlyStatus.status).toBe(400)
      const notTrue = await api.post(`${BASE}/jobs/retry`, { all: false }, admin).catch((e: any) => e.response)
      expect(notTrue.status).toBe(400)

      // 250 failed rows of orders that do not exist: their retries fail again, which is all this needs
      const service = session.service()
      const marker = `batch-${Date.now()}`
      const rows = await service.createSideEffectJobs(
        Array.from({ length: 250 }, (_, i) => ({
          order_id: `order_${marker}_${i}`,
          kind: "erp" as const,
          status: "failed" as const,
          bullmq_job_id: `erp-order_${marker}_${i}`,
          attempts: 3,
          max_attempts: 3,
          last_error: `${marker}: ERP offline`,
          failed_at: new Date(),
        }))
      )
      const { data } = await api.post(`${BASE}/jobs/retry`, { kind: "erp", error_contains: marker }, admin)
      expect(data).toMatchObject({ retried: 250, batches: 3 })
      expect([...data.ids].sort()).toEqual(rows.map((row: any) => row.id).sort())
      const { data: all } = await api.post(`${BASE}/jobs/retry`, { all: true }, admin)
      expect(all.batches).toBeGreaterThanOrEqual(1)
    })

    it("answers 415 to state-changing requests that are not application/json, and changes nothing", async () => {
      erp.respondWith((call) =>
        call.body?.customer?.email === "erp-csrf@example.com" ? { status: 422, body: { error: "unknown VAT id" } } : { status: 201 }
      )
      const order = await session.placeOrder({ ...anna, email: "erp-csrf@example.com" })
      await session.statusOf(order.id, "erp", "failed")
      const job = await jobOf(order.id, "erp")

      const post = (url: string, body: unknown, contentType?: string) =>
        api
          .post(url, body, {
            headers: { ...admin.headers, ...(contentType ? { "content-type": contentType } : {}) },
            transformRequest: [(data: unknown) => data],
          })
          .catch((e: any) => e.response)
      const attempts = [
        await post(`${BASE}/jobs/${job.id}/retry`, "", "application/x-www-form-urlencoded"),
        await post(`${BASE}/jobs/${job.id}/discard`, "note=csrf", "application/x-www-form-urlencoded"),
        await post(`${BASE}/jobs/retry`, "kind=erp&all=true", "application/x-www-form-urlencoded"),
        await post(`${BASE}/jobs/retry`, '{"all":true}', "text/plain"),
        await post(`${BASE}/jobs/${job.id}/retry`, "--x--", "multipart/form-data; boundary=x"),
        await post(`${BASE}/jobs/${job.id}/retry`, undefined),
        await post(`${BASE}/reviews/afrr_x/approve`, "", "application/x-www-form-urlencoded"),
      ]
      expect(attempts.map((response) => response.status)).toEqual([415, 415, 415, 415, 415, 415, 415])
      expect(attempts[0].data.message).toContain("application/json")
      expect((await jobOf(order.id, "erp")).status).toBe("failed")

      const json = await post(`${BASE}/jobs/${job.id}/discard`, '{"note":"ok"}', "application/json; charset=utf-8")
      expect(json.status).toBe(200)
      expect(json.data.job.status).toBe("discarded")
      // what the Admin UI sends (@medusajs/js-sdk): the JSON type and no body at all
      const bodiless = await post(`${BASE}/jobs/${job.id}/retry`, undefined, "application/json")
      expect(bodiless.status).toBe(200)
    })

    it("serves Prometheus metrics outside /admin to the metrics token only, and nothing else", async () => {
      const get = (url: string, headers: Record<string, string> = {}) =>
        api.get(url, { headers }).catch((e: any) => e.response)
      const refused = [
        await get("/async-fulfilment/metrics"),
        await get("/async-fulfilment/metrics", { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` }),
        await get("/async-fulfilment/metrics", { authorization: `Bearer ${METRICS_TOKEN}x` }),
        await get("/async-fulfilment/metrics", { authorization: `Basic ${Buffer.from(`scraper:${METRICS_TOKEN}`).toString("base64")}` }),
        // an admin's session token is not the scraper's
        await get("/async-fulfilment/metrics", admin.headers),
      ]
      expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401, 401])
      expect(refused[0].headers["www-authenticate"]).toContain("Bearer")
      expect(JSON.stringify(refused.map((response) => response.data))).not.toContain("async_fulfilment_")

      const scraped = await get("/async-fulfilment/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })
      expect(scraped.status).toBe(200)
      expect(scraped.headers["content-type"]).toContain("text/plain")
      expect(scraped.data).toContain("async_fulfilment_records{")
      expect(scraped.data).toMatch(/bullmq_job_count\{/)

      // the token opens this one route: not the admin API, not other methods
      const withToken = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }
      expect((await api.get(`${BASE}/metrics`, withToken).catch((e: any) => e.response)).status).toBe(401)
      expect((await api.get(`${BASE}/jobs`, withToken).catch((e: any) => e.response)).status).toBe(401)
      expect((await api.post("/async-fulfilment/metrics", {}, withToken).catch((e: any) => e.response)).status).toBe(404)
      expect((await api.get("/async-fulfilment/stats", withToken).catch((e: any) => e.response)).status).toBe(404)
    })

    /** `count` orders whose mail failed for good (the SMTP server refused every attempt). */
    const ordersWithFailedMail = async (count: number) => {
      smtp.refuseNext(1_000_000)
      const run = Date.now().toString(36)
      const orders = await mapConcurrently(Array.from({ length: count }, (_, i) => i), 3, (i) =>
        session.placeOrder({ ...anna, email: `mail-race-${run}-${i}@example.com` })
      )
      await Promise.all(orders.map((order) => session.statusOf(order.id, "mail", "failed")))
      smtp.refuseNext(0)
      return orders
    }
    /**
     * The next round's starting point without placing (and rendering) another order: the mail
     * row failed again, as after the server refused every attempt. Its earlier mails stay counted.
     */
    const failMailAgain = async (orderId: string) => {
      const mail = await jobOf(orderId, "mail")
      await session.service().updateSideEffectJobs({
        id: mail.id,
        status: "failed",
        failed_at: new Date(),
        last_error: "451 Try again later",
        discarded_at: null,
        discard_note: null,
      })
      return mail
    }
    const post = (url: string, body: unknown = {}) =>
      api.post(url, body, admin).then(
        (response: any) => ({ status: response.status, message: "" }),
        (error: any) => ({ status: error.response.status, message: String(error.response.data?.message) })
      )
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    /** 20 iterations: 4 rounds over 5 orders at once */
    const ROUNDS = 4
    const ORDERS_PER_ROUND = 5

    it("refuses to discard a mail a worker is still sending (409), 20 times: the row ends as what happened", async () => {
      const orders = await ordersWithFailedMail(ORDERS_PER_ROUND)
      smtp.acceptDelayMs = 800
      const outcomes = []
      for (let round = 0; round < ROUNDS; round++) {
        outcomes.push(
          ...(await Promise.all(
            orders.map(async (order) => {
              const mail = await failMailAgain(order.id)
              const before = session.mailsTo(order.id).length
              expect((await post(`${BASE}/jobs/${mail.id}/retry`)).status).toBe(200)
              await session.statusOf(order.id, "mail", "active")
              // the worker's own window: the row already says failed, BullMQ still holds the running job
              await session.service().markSideEffectFailed(order.id, "mail", { attempt: 1, message: "final attempt recorded", stack_head: null, final: true })
              const discard = await post(`${BASE}/jobs/${mail.id}/discard`, { note: "racing the send" })
              // a retry cannot add a queue job beside the running one either: undone, 409
              const retry = await post(`${BASE}/jobs/${mail.id}/retry`)
              await session.statusOf(order.id, "mail", "completed")
              return { discard, retry, row: await jobOf(order.id, "mail"), mails: session.mailsTo(order.id).length - before }
            })
          ))
        )
      }
      expect(outcomes).toHaveLength(20)
      for (const { discard, retry, row, mails } of outcomes) {
        expect(discard).toEqual({ status: 409, message: expect.stringContaining("is running right now") })
        expect(retry).toEqual({ status: 409, message: expect.stringContaining("is running right now") })
        expect(row).toMatchObject({ status: "completed", discarded_at: null, discard_note: null })
        expect(mails).toBe(1)
      }
    })

    it("races a retry against a discard of the same failed mail 20 times: the row's final status matches the mail sent", async () => {
      const orders = await ordersWithFailedMail(ORDERS_PER_ROUND)
      smtp.acceptDelayMs = 300
      const outcomes = []
      for (let round = 0; round < ROUNDS; round++) {
        const started = Promise.all(
          orders.map(async (order, i) => {
            const mail = await failMailAgain(order.id)
            const before = session.mailsTo(order.id).length
            // from the discard 30 ms ahead to the retry 40 ms ahead, a different gap each time
            const gap = ((round * ORDERS_PER_ROUND + i) % 8) * 10 - 30
            const retrying = sleep(Math.max(0, -gap)).then(() => post(`${BASE}/jobs/${mail.id}/retry`))
            const discarding = sleep(Math.max(0, gap)).then(() => post(`${BASE}/jobs/${mail.id}/discard`))
            const [retry, discard] = await Promise.all([retrying, discarding])
            const row = await waitFor(`the mail of ${order.id} to settle`, async () => {
              const current = await jobOf(order.id, "mail")
              const queue = await session.service().describeQueueJob("mail", order.id)
              const idle = !queue || !["active", "waiting", "delayed", "waiting-children"].includes(queue.queue.state)
              return ["completed", "discarded", "failed"].includes(current.status) && idle ? current : null
            })
            // a mail still on its way would arrive within the server's delay
            await sleep(600)
            return { retry, discard, row, mails: session.mailsTo(order.id).length - before }
          })
        )
        outcomes.push(...(await started))
      }
      expect(outcomes).toHaveLength(20)
      for (const { retry, discard, row, mails } of outcomes) {
        const summary = { retry: retry.status, discard: discard.status, status: row.status, mails }
        expect([summary, [200, 409].includes(retry.status), [200, 409].includes(discard.status)]).toEqual([summary, true, true])
        expect(summary).toEqual(row.status === "completed" ? { ...summary, mails: 1 } : { ...summary, status: "discarded", mails: 0 })
        if (row.status === "completed") {
          // a completed row never still says it was discarded
          expect([row.discarded_at, row.discard_note]).toEqual([null, null])
        }
        if (discard.status === 200 && retry.status === 409) {
          expect(row.status).toBe("discarded")
        }
        for (const refused of [retry, discard].filter((answer) => answer.status === 409)) {
          expect(refused.message).toMatch(/running right now|changed while being retried|only failed (or discarded )?jobs can be/)
        }
      }
      const tally = outcomes.map(({ retry, discard, row }) => `${retry.status}/${discard.status}/${row.status}`)
      console.info(`[retry/discard race] ${JSON.stringify(tally.reduce((all: any, key) => ({ ...all, [key]: (all[key] ?? 0) + 1 }), {}))}`)
    })
  },
})
