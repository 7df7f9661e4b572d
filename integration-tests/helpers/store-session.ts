import { ErpStub } from "../../dev-support/erp-stub"
import { SmtpSink } from "../../dev-support/smtp-sink"
import { seedStore } from "../../dev-support/seed-store"
import { placeOrderThroughStoreApi, Shopper, StoreFixture, StoreRequest } from "../../store-client"
import type { TestEnv } from "./test-env"
import { waitFor } from "../../dev-support/wait-for"
import { deleteRedisKeys } from "../../dev-support/redis-cleanup"
import { ASYNC_FULFILMENT_MODULE } from "../../src/modules/async-fulfilment"
import type AsyncFulfilmentModuleService from "../../src/modules/async-fulfilment/service"

export const anna: Shopper = {
  email: "anna.nowak@example.com",
  first_name: "Anna",
  last_name: "Nowak",
  country_code: "pl",
  currency: "pln",
  items: [
    { variant: "tshirt", quantity: 2 },
    { variant: "desk", quantity: 1 },
  ],
}

/**
 * What an HTTP spec needs around the booted store: the SMTP sink and ERP stub on the ports the
 * store was configured with, the seeded store, checkout through the store API, and waits on
 * the side-effect rows. Call inside `medusaIntegrationTestRunner`'s testSuite.
 */
export function useStoreSession(testEnv: TestEnv, api: any, getContainer: () => any) {
  const session = {
    smtp: new SmtpSink(),
    erp: new ErpStub(),
    store: null as unknown as StoreFixture,
    service: () => getContainer().resolve(ASYNC_FULFILMENT_MODULE) as AsyncFulfilmentModuleService,
    /** the order's own invoice, mail and ERP rows (not its credit notes') */
    rowsOf: (orderId: string) => session.service().listSideEffectJobs({ order_id: orderId, subject: "" }),
    /** the rows of the order's credit notes (subject = a credit note's id) */
    creditNoteRowsOf: (orderId: string) => session.service().listSideEffectJobs({ order_id: orderId, subject: { $ne: "" } }),
    rowOf: async (orderId: string, kind: string) => (await session.rowsOf(orderId)).find((row) => row.kind === kind),
    placeOrder: (shopper: Shopper = anna) => placeOrderThroughStoreApi(storeRequest, session.store, shopper),
    /** the storefront's requests (publishable key, no customer session) */
    request: ((method, path, body) => storeRequest(method, path, body)) as StoreRequest,
    mailsTo: (orderId: string) => session.smtp.received.filter((mail) => mail.parsed.messageId?.includes(orderId)),
    /** waits until every row of the order is final (completed, failed or discarded) */
    settled: (orderId: string, kinds = 3) =>
      waitFor(`side effects of ${orderId} to settle`, async () => {
        const rows = await session.rowsOf(orderId)
        const final = rows.filter((row) => ["completed", "failed", "discarded"].includes(row.status))
        return rows.length === kinds && final.length === kinds ? rows : null
      }),
    statusOf: (orderId: string, kind: string, status: string) =>
      waitFor(`${kind} of ${orderId} to be ${status}`, async () => (await session.rowOf(orderId, kind))?.status === status),
  }
  let storeRequest: StoreRequest

  beforeAll(async () => {
    await session.smtp.listen(testEnv.smtpPort)
    await session.erp.listen(testEnv.erpPort)
    session.store = await seedStore(getContainer())
    const headers = { "x-publishable-api-key": session.store.publishableKey }
    storeRequest = async (method, path, body) => {
      const response = method === "GET" ? await api.get(path, { headers }) : await api.post(path, body ?? {}, { headers })
      return response.data
    }
  })

  afterEach(() => {
    session.erp.respondWith(null)
    session.smtp.refuseNext(0)
    session.smtp.acceptDelayMs = 0
  })

  afterAll(async () => {
    await Promise.all([session.smtp.close(), session.erp.close()])
    await deleteRedisKeys(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", [
      `${testEnv.queuePrefix}:`,
      `${process.env.MEDUSA_REDIS_PREFIX}-`,
    ])
  })

  return session
}
