import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "fs"
import { prepareTestEnv } from "../helpers/test-env"
import { useStoreSession } from "../helpers/store-session"
import { readPdfText } from "../helpers/read-pdf-text"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { placeOrderThroughStoreApi, Shopper, StoreRequest } from "../../store-client"

const testEnv = prepareTestEnv("store-invoice")
jest.setTimeout(120_000)

const jan: Shopper = {
  email: "jan.kowalski@example.com",
  first_name: "Jan",
  last_name: "Kowalski",
  country_code: "pl",
  currency: "pln",
  items: [{ variant: "tshirt", quantity: 1 }],
}
const eva = { email: "eva.schmidt@example.com", first_name: "Eva", last_name: "Schmidt" }
const PASSWORD = "correct-horse-battery-staple"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const tokens = { jan: "", eva: "" }

    const publishable = () => ({ "x-publishable-api-key": session.store.publishableKey })
    const bearer = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {})
    /** a storefront's requests, signed in as the customer whose token is given */
    const storeRequestAs =
      (token?: string): StoreRequest =>
      async (method, path, body) => {
        const headers = { ...publishable(), ...bearer(token) }
        const response = method === "GET" ? await api.get(path, { headers }) : await api.post(path, body ?? {}, { headers })
        return response.data
      }
    const getInvoice = (orderId: string, token?: string, format?: string) =>
      api.get(`/store/orders/${orderId}/invoice${format ? `?format=${format}` : ""}`, {
        headers: { ...publishable(), ...bearer(token) },
        responseType: "arraybuffer",
        validateStatus: () => true,
      })
    const jsonOf = (data: ArrayBuffer | Buffer) => JSON.parse(Buffer.from(data as ArrayBuffer).toString("utf8"))

    /** registers a customer as a storefront does and returns the signed-in customer's token */
    async function registerCustomer(customer: { email: string; first_name: string; last_name: string }) {
      const credentials = { email: customer.email, password: PASSWORD }
      const registration = await api.post("/auth/customer/emailpass/register", credentials)
      const { email, first_name, last_name } = customer
      await api.post("/store/customers", { email, first_name, last_name }, {
        headers: { ...publishable(), ...bearer(registration.data.token) },
      })
      const login = await api.post("/auth/customer/emailpass", credentials)
      return login.data.token as string
    }

    // after useStoreSession's seeding; the runner snapshots the database after every beforeAll
    beforeAll(async () => {
      tokens.jan = await registerCustomer(jan)
      tokens.eva = await registerCustomer(eva)
    })

    it("gives a signed-in customer the invoice PDF of their order, and nobody else", async () => {
      const order = await placeOrderThroughStoreApi(storeRequestAs(tokens.jan), session.store, jan)
      await session.statusOf(order.id, "invoice", "completed")
      const invoice = await session.service().findInvoice(order.id)

      const own = await getInvoice(order.id, tokens.jan)
      expect(own.status).toBe(200)
      expect(own.headers["content-type"]).toBe("application/pdf")
      expect(own.headers["content-disposition"]).toBe(`attachment; filename="invoice-${invoice!.number}.pdf"`)
      const pdf = Buffer.from(own.data)
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
      const text = await readPdfText(pdf)
      expect(text).toContain(invoice!.number)
      expect(text).toContain("Jan Kowalski")

      // the e-invoice XML of the same invoice, in both syntaxes; any other format is a 400
      for (const [format, root] of [["cii", "rsm:CrossIndustryInvoice"], ["ubl", "Invoice"]]) {
        const xml = await getInvoice(order.id, tokens.jan, format)
        expect(xml.status).toBe(200)
        expect(xml.headers["content-type"]).toBe("application/xml; charset=utf-8")
        expect(xml.headers["content-disposition"]).toBe(`attachment; filename="invoice-${invoice!.number}-${format}.xml"`)
        const body = Buffer.from(xml.data).toString("utf8")
        expect(body).toContain(`<${root}`)
        expect(body).toContain(invoice!.number)
      }
      const wrongFormat = await getInvoice(order.id, tokens.jan, "docx")
      expect(wrongFormat.status).toBe(400)
      expect(jsonOf(wrongFormat.data).message).toBe('Invalid request: format must be one of pdf, cii, ubl, got "docx"')

      // another customer's order and an order that does not exist answer alike
      const foreign = await getInvoice(order.id, tokens.eva)
      const missing = await getInvoice("order_01JZZZZZZZZZZZZZZZZZZZZZZZ", tokens.eva)
      expect(foreign.status).toBe(404)
      expect(missing.status).toBe(404)
      expect(jsonOf(foreign.data).message).toBe(`Order with id: ${order.id} was not found`)
      expect(jsonOf(missing.data).type).toBe(jsonOf(foreign.data).type)

      const anonymous = await getInvoice(order.id)
      expect(anonymous.status).toBe(401)
      const forged = await getInvoice(order.id, `${tokens.jan.slice(0, -4)}AAAA`)
      expect(forged.status).toBe(401)

      await session.settled(order.id)
    })

    it("answers 409 while the invoice is not rendered, and the PDF once it is", async () => {
      // the File module fails for real: its upload folder becomes a plain file
      const away = `${testEnv.uploadDir}.away`
      fs.renameSync(testEnv.uploadDir, away)
      fs.writeFileSync(testEnv.uploadDir, "not a folder")
      let order: { id: string }
      try {
        order = await placeOrderThroughStoreApi(storeRequestAs(tokens.jan), session.store, jan)
        await session.statusOf(order.id, "invoice", "failed")
        await session.settled(order.id)
      } finally {
        fs.rmSync(testEnv.uploadDir)
        fs.renameSync(away, testEnv.uploadDir)
      }
      const invoice = await session.service().findInvoice(order.id)
      expect(invoice?.number).toMatch(/^INV-/)
      expect(invoice?.file_id).toBeFalsy()

      const pending = await getInvoice(order.id, tokens.jan)
      expect(pending.status).toBe(409)
      expect(jsonOf(pending.data).message).toBe(
        `The invoice ${invoice!.number} of order ${order.id} is not ready yet; try again in a moment`
      )
      const pendingXml = await getInvoice(order.id, tokens.jan, "ubl")
      expect(pendingXml.status).toBe(409)
      expect(jsonOf(pendingXml.data).message).toBe(jsonOf(pending.data).message)
      // a stranger still learns nothing
      expect((await getInvoice(order.id, tokens.eva)).status).toBe(404)

      // the admin retries the failed invoice: the same number, now downloadable
      const admin = await createAdminAuthHeaders(getContainer())
      const row = await session.rowOf(order.id, "invoice")
      await api.post(`/admin/async-fulfilment/jobs/${row!.id}/retry`, {}, admin)
      await session.statusOf(order.id, "invoice", "completed")
      const ready = await getInvoice(order.id, tokens.jan)
      expect(ready.status).toBe(200)
      expect(await readPdfText(Buffer.from(ready.data))).toContain(invoice!.number)
      await session.settled(order.id)
    })
  },
})
