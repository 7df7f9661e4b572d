import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { prepareTestEnv } from "../helpers/test-env"
import { anna, useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import type { OrderDocument } from "../../src/modules/async-fulfilment/types/order-document"

const testEnv = prepareTestEnv("privacy")
jest.setTimeout(120_000)

const eraseUrl = (customerId: string) => `/admin/async-fulfilment/customers/${customerId}/erase`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminAuthHeaders(getContainer())
    })

    const documentOf = async (orderId: string) => (await session.service().retrieveOrderDocument(orderId)) as OrderDocument

    it("refuses the erase route without an admin session", async () => {
      const response = await api.post(eraseUrl("cus_x"), {}).catch((error: any) => error.response)
      expect(response.status).toBe(401)
    })

    it("erases a customer's personal fields through the admin route; the invoice stays downloadable with its number", async () => {
      const shopper = { ...anna, email: "erase-me@example.com" }
      const order = await session.placeOrder(shopper)
      await session.settled(order.id)
      const customerId = (await documentOf(order.id)).customer!.id
      const invoice = (await session.service().findInvoice(order.id))!

      const { status, data } = await api.post(eraseUrl(customerId), {}, admin)

      expect(status).toBe(200)
      expect(data).toEqual({ customer_id: customerId, erased_order_ids: [order.id] })
      const erased = await documentOf(order.id)
      expect(JSON.stringify(erased)).not.toMatch(/erase-me@example\.com|Anna|Nowak/)
      expect(erased).toMatchObject({ email: null, erased_at: expect.any(String), totals: { total: order.total } })
      expect(await session.service().findInvoice(order.id)).toMatchObject({ number: invoice.number, file_id: invoice.file_id })
      const pdf = await api.get(`/admin/async-fulfilment/orders/${order.id}/invoice?format=pdf`, { ...admin, responseType: "arraybuffer" })
      expect(pdf.status).toBe(200)
    })

    it("answers 409 with the reason while a side effect of the customer's has failed, and erases nothing", async () => {
      session.erp.respondWith(() => ({ status: 422, body: { error: "unknown customer" } }))
      const order = await session.placeOrder({ ...anna, email: "erase-later@example.com" })
      await session.statusOf(order.id, "erp", "failed")
      const customerId = (await documentOf(order.id)).customer!.id

      const response = await api.post(eraseUrl(customerId), {}, admin).catch((error: any) => error.response)

      expect(response.status).toBe(409)
      expect(response.data.message).toContain(`erp of ${order.id} is failed`)
      expect((await documentOf(order.id)).email).toBe("erase-later@example.com")
    })
  },
})
