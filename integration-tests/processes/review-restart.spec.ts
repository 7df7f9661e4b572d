import path from "path"
import { adminToken, fetchStoreRequest, orderSideEffects, placeOrderThroughStoreApi, Shopper } from "../../store-client"
import { waitFor } from "../../dev-support/wait-for"
import { ProcessStoreRun } from "./support/process-store"

// B2B orders from PLN 10,000 wait for an admin; the store's processes read this at boot
process.env.ASYNC_FULFILMENT_RISK_THRESHOLDS = JSON.stringify({ pln: 10_000 })

const artifacts = path.resolve(__dirname, "../artifacts/processes/review-restart")
const admin = { email: "reviewer@store.test", password: "supersecret-reviewer" }
const b2bLarge: Shopper = {
  email: "b2b-restart@example.com",
  first_name: "Anna",
  last_name: "Nowak",
  company: "Nowak Meble Sp. z o.o.",
  country_code: "pl",
  currency: "pln",
  items: [{ variant: "desk", quantity: 4 }],
}

/**
 * The review's workflow parks in the Redis workflow engine: the decision must reach it after
 * every store process was stopped and started again.
 */
describe("risk review across a restart", () => {
  const store = new ProcessStoreRun(artifacts, { lockMs: 4_000, stalledIntervalMs: 2_000, erpDelayMs: { min: 10, max: 30 } })

  beforeAll(async () => {
    await store.prepare()
    await store.cli(["user", "-e", admin.email, "-p", admin.password])
  })

  afterAll(() => store.stop())

  it("keeps a pending review through a restart and, approved afterwards, runs each side effect once", async () => {
    let server = await store.start("server-1", "server")
    let worker = await store.start("worker-1", "worker")
    const order = await placeOrderThroughStoreApi(fetchStoreRequest(server.baseUrl, store.fixture.publishableKey), store.fixture, b2bLarge)
    let token = await adminToken(server.baseUrl, admin.email, admin.password)
    const reviewOf = async () => {
      const response = await fetch(`${server.baseUrl}/admin/async-fulfilment/reviews?order_id=${order.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      return (await response.json()).reviews[0]
    }
    const review = await waitFor("the pending review", async () => ((await reviewOf())?.status === "pending" ? reviewOf() : null))
    await waitFor("the held rows", async () =>
      (await orderSideEffects(server.baseUrl, token, order.id)).jobs.every((job) => job.status === "held")
    )

    await worker.terminate()
    await server.terminate()
    server = await store.start("server-2", "server")
    worker = await store.start("worker-2", "worker")
    token = await adminToken(server.baseUrl, admin.email, admin.password)
    expect((await reviewOf()).status).toBe("pending")

    const approved = await fetch(`${server.baseUrl}/admin/async-fulfilment/reviews/${review.id}/approve`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ note: "approved after a restart" }),
    })
    expect(approved.status).toBe(200)
    await waitFor(
      "the released side effects",
      async () => (await orderSideEffects(server.baseUrl, token, order.id)).jobs.every((job) => job.status === "completed"),
      { timeoutMs: 60_000 }
    )
    const subjects = store.smtp.received.filter((mail) => mail.parsed.messageId?.includes(order.id)).map((mail) => mail.parsed.subject)
    expect(subjects).toEqual([expect.stringMatching(/^We received your order/), expect.stringMatching(/ — invoice INV-/)])
    expect([...store.erp.documents.values()].filter((doc) => doc.orderId === order.id)).toHaveLength(1)
  })
})
