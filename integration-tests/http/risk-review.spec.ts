import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, createOrderFulfillmentWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { scheduleOrderSideEffectsWorkflow } from "../../src/workflows"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { waitFor } from "../../dev-support/wait-for"
import { mapConcurrently } from "../helpers/map-concurrently"

const testEnv = prepareTestEnv("risk-review")
process.env.ASYNC_FULFILMENT_RISK_THRESHOLDS = JSON.stringify({ pln: 10_000, eur: 2_500 })
jest.setTimeout(120_000)

const BASE = "/admin/async-fulfilment"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// a company on the billing address makes the order B2B
const b2bLarge = { ...anna, company: "Nowak Meble Sp. z o.o.", items: [{ variant: "desk" as const, quantity: 4 }] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    let admin: { headers: Record<string, string> }
    const fail = (promise: Promise<unknown>) => promise.catch((e: any) => e.response)

    beforeEach(async () => {
      admin = await createAdminAuthHeaders(getContainer())
    })

    const findPendingReview = async (orderId: string) => {
      const { data } = await api.get(`${BASE}/reviews?status=pending`, admin)
      return data.reviews.find((review: any) => review.order_id === orderId)
    }
    // order.placed reaches the subscriber through the event bus, just after checkout
    const pendingReviewOf = (orderId: string) => waitFor(`a pending review of ${orderId}`, () => findPendingReview(orderId))
    const subjectsTo = (orderId: string) => session.mailsTo(orderId).map((mail) => mail.parsed.subject)
    const expectHeldAndUntouched = async (orderId: string) => {
      await sleep(1_500)
      expect((await session.rowsOf(orderId)).map((row) => row.status)).toEqual(["held", "held", "held"])
      // only the "under review" notice, no confirmation with an invoice
      expect(subjectsTo(orderId)).toEqual([expect.stringMatching(/^We received your order #\d+$/)])
      expect(session.mailsTo(orderId)[0].parsed.attachments).toHaveLength(0)
      expect(session.erp.callsFor(orderId)).toHaveLength(0)
      expect(await session.service().listInvoices({ order_id: orderId })).toHaveLength(0)
    }

    it("holds a large B2B order until an admin approves it, then runs each side effect once", async () => {
      const events: { name: string; data: any }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["async-fulfilment.review.requested", "async-fulfilment.review.approved"]) {
        eventBus.subscribe(name, async (event: any) => void events.push({ name, data: event.data }), {
          subscriberId: `risk-spec-${name}`,
        })
      }
      const order = await session.placeOrder({ ...b2bLarge, email: "b2b-approve@example.com" })
      expect(order.total).toBeGreaterThan(10_000)
      const review = await pendingReviewOf(order.id)
      expect(review).toMatchObject({
        status: "pending",
        currency_code: "pln",
        threshold: 10_000,
        reasons: ["company_name"],
        company_name: "Nowak Meble Sp. z o.o.",
        customer_name: "Anna Nowak",
      })
      expect(review.amount).toBeCloseTo(order.total, 2)
      await expectHeldAndUntouched(order.id)
      const fulfil = await fail(
        api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: (order as any).items[0].id, quantity: 1 }] }, admin)
      )
      expect(fulfil.status).toBe(400)
      expect(fulfil.data.message).toContain("is waiting for its risk review")

      const { data } = await api.post(`${BASE}/reviews/${review.id}/approve`, { note: "known customer" }, admin)
      expect(data.review).toMatchObject({ status: "approved", note: "known customer", decided_by: expect.stringMatching(/^user_/) })
      await session.settled(order.id)
      expect((await session.rowsOf(order.id)).map((row) => row.status)).toEqual(["completed", "completed", "completed"])
      expect(subjectsTo(order.id)).toEqual([
        expect.stringMatching(/^We received your order/),
        expect.stringMatching(/^Your order #\d+ — invoice INV-/),
      ])
      expect(session.erp.callsFor(order.id)).toHaveLength(1)

      await waitFor("the review events", async () => events.length === 2)
      expect(events.map((event) => [event.name, event.data])).toEqual([
        ["async-fulfilment.review.requested", { id: review.id, order_id: order.id }],
        ["async-fulfilment.review.approved", { id: review.id, order_id: order.id }],
      ])

      const twice = await fail(api.post(`${BASE}/reviews/${review.id}/approve`, {}, admin))
      expect(twice.status).toBe(409)
      expect(twice.data.message).toContain("was already approved")
    })

    it("cancels a rejected order: no invoice, no ERP call; a late approval is refused", async () => {
      const order = await session.placeOrder({ ...b2bLarge, email: "b2b-reject@example.com" })
      const review = await pendingReviewOf(order.id)
      await expectHeldAndUntouched(order.id)

      const { data } = await api.post(`${BASE}/reviews/${review.id}/reject`, { note: "credit limit" }, admin)
      expect(data.review).toMatchObject({ status: "rejected", note: "credit limit" })
      // the review workflow resumes in the engine's worker: wait for the cancellation it runs
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      await waitFor("the rejected order to be canceled", async () => {
        const { data: orders } = await query.graph({ entity: "order", fields: ["status"], filters: { id: order.id } })
        return orders[0].status === "canceled"
      })
      await waitFor("the held rows to be discarded", async () =>
        (await session.rowsOf(order.id)).every((row) => row.status === "discarded")
      )
      expect((await session.rowsOf(order.id))[0].last_error ?? null).toBeNull()
      await waitFor("the rejection mail", async () => session.mailsTo(order.id).length === 2)
      expect(subjectsTo(order.id)).toEqual([
        expect.stringMatching(/^We received your order/),
        expect.stringMatching(/^Your order #\d+ could not be accepted$/),
      ])
      expect(session.erp.callsFor(order.id)).toHaveLength(0)
      expect(await session.service().listInvoices({ order_id: order.id })).toHaveLength(0)

      const late = await fail(api.post(`${BASE}/reviews/${review.id}/approve`, {}, admin))
      expect(late.status).toBe(409)
      const { data: byOrder } = await api.get(`${BASE}/reviews?order_id=${order.id}`, admin)
      expect(byOrder.reviews.map((r: any) => [r.id, r.status])).toEqual([[review.id, "rejected"]])
    })

    it("lets B2B orders under their currency's threshold and B2C orders over it straight through", async () => {
      const b2bSmallPln = await session.placeOrder({ ...b2bLarge, email: "b2b-small@example.com", items: [{ variant: "desk", quantity: 1 }] })
      const b2cLarge = await session.placeOrder({ ...anna, email: "b2c-large@example.com", items: [{ variant: "desk", quantity: 4 }] })
      const b2bSmallEur = await session.placeOrder({
        ...b2bLarge,
        email: "b2b-eur@example.com",
        country_code: "de",
        currency: "eur",
        items: [{ variant: "desk", quantity: 1 }],
      })
      for (const order of [b2bSmallPln, b2cLarge, b2bSmallEur]) {
        await session.settled(order.id)
        expect(await findPendingReview(order.id)).toBeUndefined()
        expect(session.erp.callsFor(order.id)).toHaveLength(1)
      }
      expect(b2cLarge.total).toBeGreaterThan(10_000)

      // the same EUR shopper over EUR 2,500 is reviewed: each currency has its own threshold
      const b2bLargeEur = await session.placeOrder({ ...b2bLarge, email: "b2b-eur-large@example.com", country_code: "de", currency: "eur" })
      const review = await pendingReviewOf(b2bLargeEur.id)
      expect(review).toMatchObject({ currency_code: "eur", threshold: 2_500 })
      await api.post(`${BASE}/reviews/${review.id}/approve`, {}, admin)
      await session.settled(b2bLargeEur.id)
    })

    /** An order Medusa created without `order.placed` (createOrderWorkflow): the plugin has not recorded it. */
    const createUnrecordedOrder = async (email: string, company?: string) => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id"], filters: { name: "Courier" } })
      const address = {
        first_name: "Anna", last_name: "Nowak", company, address_1: "ul. Długa 12/3", city: "Kraków",
        postal_code: "31-147", country_code: "pl",
      }
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: session.store.regions.pln,
          sales_channel_id: session.store.salesChannelId,
          email,
          currency_code: "pln",
          items: [{ variant_id: session.store.variants.desk, quantity: 4 }],
          shipping_address: address,
          billing_address: address,
          shipping_methods: [{ name: "Courier", amount: 19.99, shipping_option_id: options[0].id }],
        } as any,
      })
      return result as unknown as { id: string; total: number; items: { id: string; quantity: number }[] }
    }

    /**
     * Two decisions on one pending review at the same moment, RACES times: exactly one wins
     * (2xx), the other gets 409, and the review, the order and its side effects all follow the
     * winner's branch. Returns what went wrong, case by case.
     */
    const RACES = 20
    const raceDecisions = async (label: string, decisions: ["approve", "approve" | "reject"]) => {
      // recorded by the subscriber's own workflow: checkout through the store API would take most of the time
      const orders = await mapConcurrently([...Array(RACES).keys()], 4, async (i) => {
        const order = await createUnrecordedOrder(`race-${label}-${i}@example.com`, "Nowak Meble Sp. z o.o.")
        await scheduleOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: order.id } })
        return order
      })
      const reviews = await mapConcurrently(orders, 4, (order) => pendingReviewOf(order.id))
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const problems: string[] = []
      const winners: string[] = []
      await mapConcurrently(orders.map((order, i) => ({ order, review: reviews[i], i })), 4, async ({ order, review, i }) => {
        const responses: any[] = await Promise.all(
          decisions.map((decision) => fail(api.post(`${BASE}/reviews/${review.id}/${decision}`, {}, admin)))
        )
        const ok = responses.filter((response) => response.status >= 200 && response.status < 300)
        const statuses = responses.map((response) => response.status).sort().join("+")
        if (ok.length !== 1 || !responses.some((response) => response.status === 409)) {
          problems.push(`#${i}: answers ${statuses}, wanted one 2xx and one 409`)
        }
        const winner = ok.length === 1 ? ok[0].data.review.status : null
        winners.push(winner)
        const { data } = await api.get(`${BASE}/reviews/${review.id}`, admin)
        if (data.review.status !== winner) {
          problems.push(`#${i}: review is ${data.review.status} after answers ${statuses}`)
        }
        if (data.review.status === "approved") {
          await session.settled(order.id).catch(() => problems.push(`#${i}: approved but its side effects never settled`))
          const calls = session.erp.callsFor(order.id).length
          if (calls !== 1) {
            problems.push(`#${i}: approved, ${calls} ERP calls`)
          }
          const fulfil = await fail(
            api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: (order as any).items[0].id, quantity: 4 }] }, admin)
          )
          if (fulfil.status !== 200) {
            problems.push(`#${i}: approved but not fulfillable: ${fulfil.status} ${fulfil.data?.message}`)
          }
        } else if (data.review.status === "rejected") {
          const canceled = await waitFor(`order ${order.id} canceled`, async () => {
            const { data: rows } = await query.graph({ entity: "order", fields: ["status"], filters: { id: order.id } })
            return rows[0].status === "canceled"
          }).catch(() => false)
          if (!canceled) {
            problems.push(`#${i}: rejected but the order was not canceled`)
          }
          const discarded = await waitFor(`the rows of ${order.id} discarded`, async () =>
            (await session.rowsOf(order.id)).every((row) => row.status === "discarded")
          ).catch(() => false)
          if (!discarded || session.erp.callsFor(order.id).length) {
            const rows = await session.rowsOf(order.id)
            problems.push(`#${i}: rejected but its side effects are ${rows.map((row) => row.status)}`)
          }
        }
      })
      return { problems, winners }
    }

    it("approve + approve raced 20 times: one 2xx and one 409 each, approved, side effects once, fulfillable", async () => {
      const { problems, winners } = await raceDecisions("aa", ["approve", "approve"])
      expect(problems).toEqual([])
      expect(winners).toEqual(Array(RACES).fill("approved"))
    })

    it("approve + reject raced 20 times: one 2xx and one 409 each; the review and the order follow the winner", async () => {
      const { problems, winners } = await raceDecisions("ar", ["approve", "reject"])
      expect(problems).toEqual([])
      expect(winners).toHaveLength(RACES)
      expect(winners.every((winner) => winner === "approved" || winner === "rejected")).toBe(true)
    })

    const fulfillmentsOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["fulfillments.id"], filters: { id: orderId } })
      return (data[0].fulfillments ?? []).map((fulfillment: any) => fulfillment.id)
    }
    const fulfilInWorkflow = (order: { id: string; items: { id: string; quantity: number }[] }) =>
      createOrderFulfillmentWorkflow(getContainer()).run({
        input: { order_id: order.id, items: [{ id: order.items[0].id, quantity: Number(order.items[0].quantity) }] },
      })
    /** The message the workflow failed with (a workflow rethrows its step's error as a plain object), or null. */
    const refusalOf = (order: Parameters<typeof fulfilInWorkflow>[0]) =>
      fulfilInWorkflow(order).then(() => null, (error: { message?: string }) => error?.message ?? String(error))
    it("holds the fulfilment inside createOrderFulfillmentWorkflow for any caller, rolled back; unrecorded B2B orders over the threshold count as pending", async () => {
      const order: any = await session.placeOrder({ ...b2bLarge, email: "b2b-hook@example.com" })
      const review = await pendingReviewOf(order.id)
      // not the HTTP route: Medusa's workflow itself, as a store's code or another workflow runs it
      expect(await refusalOf(order)).toContain(`is waiting for its risk review (${review.id})`)
      expect(await fulfillmentsOf(order.id)).toEqual([])

      // created without order.placed: no review, no rows yet, but it would be reviewed
      const unrecorded = await createUnrecordedOrder("b2b-unrecorded@example.com", "Nowak Meble Sp. z o.o.")
      expect(unrecorded.total).toBeGreaterThan(10_000)
      expect(await session.rowsOf(unrecorded.id)).toEqual([])
      const viaRoute = await fail(
        api.post(`/admin/orders/${unrecorded.id}/fulfillments`, { items: [{ id: unrecorded.items[0].id, quantity: 4 }] }, admin)
      )
      expect([viaRoute.status, viaRoute.data.message]).toEqual([400, expect.stringContaining("is not recorded yet")])
      expect(await refusalOf(unrecorded)).toContain("goes to risk review and is not recorded yet")
      expect(await fulfillmentsOf(unrecorded.id)).toEqual([])
      // an unrecorded order that would not be reviewed (no company: B2C) ships
      const b2c = await createUnrecordedOrder("b2c-unrecorded@example.com")
      await fulfilInWorkflow(b2c)
      expect(await fulfillmentsOf(b2c.id)).toHaveLength(1)

      // once the reconciler records it, its review is pending; the rejection ends its parked workflow
      await scheduleOrderSideEffectsWorkflow(getContainer()).run({ input: { order_id: unrecorded.id } })
      const lateReview = await pendingReviewOf(unrecorded.id)
      expect(await refusalOf(unrecorded)).toContain(`is waiting for its risk review (${lateReview.id})`)
      await api.post(`${BASE}/reviews/${lateReview.id}/reject`, {}, admin)

      // approved, the whole quantity ships: the refused runs left no fulfilled quantity behind
      await api.post(`${BASE}/reviews/${review.id}/approve`, {}, admin)
      await fulfilInWorkflow(order)
      expect(await fulfillmentsOf(order.id)).toHaveLength(1)
      await session.settled(order.id)
      await waitFor("the late order's rows to be discarded", async () =>
        (await session.rowsOf(unrecorded.id)).every((row) => row.status === "discarded")
      )
    })

    it("refuses to retry a side effect of a rejected or canceled order (409 with the reason)", async () => {
      const rejectedOrder = await session.placeOrder({ ...b2bLarge, email: "b2b-no-retry@example.com" })
      const review = await pendingReviewOf(rejectedOrder.id)
      await api.post(`${BASE}/reviews/${review.id}/reject`, {}, admin)
      const discarded = await waitFor("the held rows to be discarded", async () => {
        const rows = await session.rowsOf(rejectedOrder.id)
        return rows.every((row) => row.status === "discarded") && rows
      })
      for (const row of discarded) {
        const retry = await fail(api.post(`${BASE}/jobs/${row.id}/retry`, {}, admin))
        expect([row.kind, retry.status, retry.data.message]).toEqual([
          row.kind,
          409,
          `Side-effect job ${row.id} (${row.kind}) cannot be retried: its order ${rejectedOrder.id} was rejected in risk review (${review.id}), so its side effects must never run`,
        ])
      }
      await sleep(500)
      expect((await session.rowsOf(rejectedOrder.id)).map((row) => row.status)).toEqual(["discarded", "discarded", "discarded"])
      expect(session.erp.callsFor(rejectedOrder.id)).toHaveLength(0)
      expect(await session.service().listInvoices({ order_id: rejectedOrder.id })).toHaveLength(0)

      // an order canceled by hand after its ERP sync failed for good
      session.erp.respondWith((call) =>
        call.body?.customer?.email === "canceled-no-retry@example.com" ? { status: 422, body: { error: "unknown customer" } } : { status: 201 }
      )
      const canceled = await session.placeOrder({ ...anna, email: "canceled-no-retry@example.com" })
      await session.settled(canceled.id)
      const erpRow = (await session.rowOf(canceled.id, "erp"))!
      expect(erpRow.status).toBe("failed")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: canceled.id } })
      const retry = await fail(api.post(`${BASE}/jobs/${erpRow.id}/retry`, {}, admin))
      expect([retry.status, retry.data.message]).toEqual([409, expect.stringContaining(`its order ${canceled.id} was canceled`)])
      expect((await session.rowOf(canceled.id, "erp"))!.status).toBe("failed")
      // a bulk retry goes on with the other rows and leaves the canceled order's out
      const { data: bulk } = await api.post(`${BASE}/jobs/retry`, { kind: "erp", error_contains: "unknown customer" }, admin)
      expect(bulk.ids).not.toContain(erpRow.id)
      await sleep(500)
      expect((await session.rowOf(canceled.id, "erp"))!.status).toBe("failed")
      // the order document went once; the cancellation's credit note is a document of its own
      expect(session.erp.callsFor(canceled.id).filter((call) => call.body.type === "order")).toHaveLength(1)
    })

    it("takes back a decision the review workflow could not take (no parked run), so the review stays decidable", async () => {
      const review = await session.service().createRiskReviews({
        order_id: "order_without_review_run",
        amount: 12_000,
        currency_code: "pln",
        threshold: 10_000,
        reasons: ["company_name"] as unknown as Record<string, unknown>,
      })
      const answer = await fail(api.post(`${BASE}/reviews/${review.id}/approve`, { note: "too early" }, admin))
      expect([answer.status, answer.data.message]).toEqual([409, expect.stringContaining("did not take the decision")])
      expect(answer.data.message).toContain("the review stays pending")
      const { data } = await api.get(`${BASE}/reviews/${review.id}`, admin)
      expect(data.review).toMatchObject({ status: "pending", decided_by: null, decided_at: null, note: null })
    })

    it("refuses the review routes without an admin session, and bad bodies and filters", async () => {
      for (const [method, url] of [
        ["get", `${BASE}/reviews`],
        ["get", `${BASE}/reviews/afrev_x`],
        ["post", `${BASE}/reviews/afrev_x/approve`],
        ["post", `${BASE}/reviews/afrev_x/reject`],
      ]) {
        const response = await fail((api as any)[method](url, ...(method === "post" ? [{}] : [])))
        expect([url, response.status]).toEqual([url, 401])
      }
      expect((await fail(api.post(`${BASE}/reviews/afrev_x/approve`, {}, admin))).status).toBe(404)
      expect((await fail(api.post(`${BASE}/reviews/afrev_x/approve`, { note: 7 }, admin))).status).toBe(400)
      expect((await fail(api.get(`${BASE}/reviews?status=maybe`, admin))).status).toBe(400)
      expect((await fail(api.get(`${BASE}/reviews?amount[gte]=lots`, admin))).status).toBe(400)
    })
  },
})
