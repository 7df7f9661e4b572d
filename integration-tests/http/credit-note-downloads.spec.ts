import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { prepareTestEnv } from "../helpers/test-env"
import { useStoreSession } from "../helpers/store-session"
import { createAdminAuthHeaders } from "../helpers/admin-token"
import { customerSession } from "../helpers/customer-session"
import { readPdfAttachments } from "../helpers/pdf-tools"
import { describeWithEInvoiceValidator } from "../helpers/describe-with-einvoice-validator"
import { einvoiceProblems, validateEInvoices } from "../../dev-support/einvoice-validator"
import { waitFor } from "../../dev-support/wait-for"
import { placeOrderThroughStoreApi, Shopper } from "../../store-client"
import type { AdminCreditNote, OrderCreditNotesResponse } from "../../src/api/admin/async-fulfilment/contract"

const testEnv = prepareTestEnv("credit-note-downloads")
jest.setTimeout(180_000)

const jan: Shopper = {
  email: "jan.kowalski@example.com",
  first_name: "Jan",
  last_name: "Kowalski",
  country_code: "pl",
  currency: "pln",
  items: [
    { variant: "tshirt", quantity: 2 },
    { variant: "desk", quantity: 1 },
  ],
}
const eva = { email: "eva.schmidt@example.com", first_name: "Eva", last_name: "Schmidt" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useStoreSession(testEnv, api, getContainer)
    const customers = customerSession(api, () => session.store.publishableKey)
    const tokens = { jan: "", eva: "" }
    let admin: { headers: Record<string, string> }
    /** the downloads of the first test, validated at the end */
    let downloaded: { invoiceNumber: string; pdf: Buffer; cii: string; ubl: string } | null = null

    beforeAll(async () => {
      admin = await createAdminAuthHeaders(getContainer())
      tokens.jan = await customers.register(jan)
      tokens.eva = await customers.register(eva)
    })

    const raw = { responseType: "arraybuffer" as const, validateStatus: () => true }
    const adminGet = (path: string, headers: Record<string, string> = admin.headers) => api.get(path, { headers, ...raw })
    const storeGet = (orderId: string, creditNoteId: string, token?: string, format?: string) =>
      api.get(`/store/orders/${orderId}/credit-notes/${creditNoteId}${format ? `?format=${format}` : ""}`, {
        headers: customers.headersFor(token),
        ...raw,
      })
    const jsonOf = (data: ArrayBuffer) => JSON.parse(Buffer.from(data).toString("utf8"))
    const textOf = (data: ArrayBuffer) => Buffer.from(data).toString("utf8")

    const listCreditNotes = async (orderId: string) => {
      const response = await api.get(`/admin/async-fulfilment/orders/${orderId}/credit-notes`, admin)
      expect(response.status).toBe(200)
      return (response.data as OrderCreditNotesResponse).credit_notes
    }
    const creditNoteJobsSettled = (orderId: string) =>
      waitFor(`the credit-note jobs of ${orderId} to complete`, async () => {
        const rows = await session.creditNoteRowsOf(orderId)
        return rows.length === 3 && rows.every((row) => row.status === "completed") ? rows : null
      })

    /** Jan's order, invoiced, then canceled through Medusa's own admin route */
    async function placeInvoicedOrder() {
      const order = await placeOrderThroughStoreApi(customers.requestAs(tokens.jan), session.store, jan)
      await session.settled(order.id)
      return order
    }
    const cancelInAdmin = async (orderId: string) =>
      expect((await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)).status).toBe(200)

    it("lists a canceled order's credit note and gives its PDF, CII and UBL CreditNote to the admin", async () => {
      const order = await placeInvoicedOrder()
      const invoice = (await session.service().findInvoice(order.id))!
      expect(await listCreditNotes(order.id)).toEqual([])

      await cancelInAdmin(order.id)
      await creditNoteJobsSettled(order.id)
      const [stored] = await session.service().findOrderCreditNotes(order.id)

      const list = await listCreditNotes(order.id)
      const base = `/admin/async-fulfilment/credit-notes/${stored.id}`
      expect(list).toEqual<AdminCreditNote[]>([
        {
          id: stored.id,
          number: stored.number,
          reason: "cancellation",
          issued_at: new Date(stored.issued_at).toISOString(),
          currency_code: "pln",
          gross_total: invoice.model!.totals.grossTotal,
          net_total: invoice.model!.totals.netTotal,
          vat_total: invoice.model!.totals.vatTotal,
          invoice_number: invoice.number,
          file_ready: true,
          download: { pdf: `${base}?format=pdf`, cii: `${base}?format=cii`, ubl: `${base}?format=ubl` },
        },
      ])
      expect(list[0].number).toMatch(/^CN-\d{4}-\d{6}$/)

      const pdf = await adminGet(list[0].download.pdf)
      expect(pdf.status).toBe(200)
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      expect(pdf.headers["content-disposition"]).toBe(`inline; filename="credit-note-${stored.number}.pdf"`)
      expect(pdf.headers["cache-control"]).toBe("private, no-store")
      const pdfBytes = Buffer.from(pdf.data)
      expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-")
      // without ?format: the PDF
      expect(Buffer.compare(Buffer.from((await adminGet(base)).data), pdfBytes)).toBe(0)

      const cii = await adminGet(list[0].download.cii!)
      expect(cii.status).toBe(200)
      expect(cii.headers["content-type"]).toBe("application/xml; charset=utf-8")
      expect(cii.headers["content-disposition"]).toBe(`attachment; filename="credit-note-${stored.number}-cii.xml"`)
      const ciiText = textOf(cii.data)
      expect(ciiText).toContain("<ram:TypeCode>381</ram:TypeCode>")
      expect(ciiText).toContain(`<ram:IssuerAssignedID>${invoice.number}</ram:IssuerAssignedID>`)
      // the Factur-X PDF embeds exactly the CII the route renders
      const attachments = await readPdfAttachments(pdfBytes)
      expect([...attachments.keys()]).toEqual(["factur-x.xml"])
      expect(attachments.get("factur-x.xml")!.toString("utf8")).toBe(ciiText)

      const ubl = await adminGet(list[0].download.ubl!)
      expect(ubl.status).toBe(200)
      expect(ubl.headers["content-disposition"]).toBe(`attachment; filename="credit-note-${stored.number}-ubl.xml"`)
      const ublText = textOf(ubl.data)
      expect(ublText).toMatch(/<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/)
      expect(ublText).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
      expect(ublText).toMatch(new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${invoice.number}</cbc:ID>`))

      // the order widget's data names the invoice with its amount and XML links
      const { data: sideEffects } = await api.get(`/admin/async-fulfilment/orders/${order.id}/side-effects`, admin)
      const invoicePath = `/admin/async-fulfilment/orders/${order.id}/invoice`
      expect(sideEffects.invoice).toEqual({
        number: invoice.number,
        issued_at: new Date(invoice.issued_at).toISOString(),
        download_url: invoicePath,
        currency_code: "pln",
        gross_total: invoice.model!.totals.grossTotal,
        xml_download: { cii: `${invoicePath}?format=cii`, ubl: `${invoicePath}?format=ubl` },
      })

      downloaded = { invoiceNumber: invoice.number, pdf: pdfBytes, cii: ciiText, ubl: ublText }
    })

    it("refuses a bad format (400 naming the field), an unknown credit note (404) and a request without a session (401)", async () => {
      const order = await placeInvoicedOrder()
      await cancelInAdmin(order.id)
      await creditNoteJobsSettled(order.id)
      const [creditNote] = await listCreditNotes(order.id)

      const wrong = await adminGet(`/admin/async-fulfilment/credit-notes/${creditNote.id}?format=docx`)
      expect(wrong.status).toBe(400)
      expect(jsonOf(wrong.data).type).toBe("invalid_data")
      expect(jsonOf(wrong.data).message).toBe("Invalid request: Expected: 'pdf, cii, ubl' for field 'format', but got: 'docx'")

      const unknown = await adminGet("/admin/async-fulfilment/credit-notes/afcn_01JZZZZZZZZZZZZZZZZZZZZZZZ")
      expect(unknown.status).toBe(404)
      expect(jsonOf(unknown.data).message).toBe("Credit note with id: afcn_01JZZZZZZZZZZZZZZZZZZZZZZZ was not found")

      expect((await adminGet(`/admin/async-fulfilment/orders/${order.id}/credit-notes`, {})).status).toBe(401)
      expect((await adminGet(creditNote.download.pdf, {})).status).toBe(401)
      // a customer's token is no admin session
      expect((await adminGet(creditNote.download.pdf, { authorization: `Bearer ${tokens.jan}` })).status).toBe(401)
    })

    it("answers 409 for the PDF while it is not rendered, the XML at once (from the stored model)", async () => {
      const order = await placeInvoicedOrder()
      const invoiceQueue = session.service().getQueues().queue("invoice")
      await invoiceQueue.pause()
      let creditNote: AdminCreditNote
      try {
        await cancelInAdmin(order.id)
        creditNote = await waitFor("the credit note to be issued", async () => (await listCreditNotes(order.id))[0] ?? null)
        expect(creditNote.file_ready).toBe(false)
        const pending = await adminGet(creditNote.download.pdf)
        expect(pending.status).toBe(409)
        expect(jsonOf(pending.data).message).toBe(`The PDF of credit note ${creditNote.number} is not ready yet; try again in a moment`)
        const pendingStore = await storeGet(order.id, creditNote.id, tokens.jan)
        expect(pendingStore.status).toBe(409)
        const cii = await adminGet(creditNote.download.cii!)
        expect(cii.status).toBe(200)
        expect(textOf(cii.data)).toContain(creditNote.number)
      } finally {
        await invoiceQueue.resume()
      }
      await creditNoteJobsSettled(order.id)
      expect((await listCreditNotes(order.id))[0].file_ready).toBe(true)
      expect((await adminGet(creditNote!.download.pdf)).status).toBe(200)
    })

    it("gives the customer the credit notes of their own order only: 404 for another customer and for a credit note of another order, 401 signed out", async () => {
      const order = await placeInvoicedOrder()
      const other = await placeInvoicedOrder()
      await cancelInAdmin(order.id)
      await creditNoteJobsSettled(order.id)
      const [creditNote] = await listCreditNotes(order.id)

      const own = await storeGet(order.id, creditNote.id, tokens.jan)
      expect(own.status).toBe(200)
      expect(own.headers["content-type"]).toBe("application/pdf")
      expect(own.headers["content-disposition"]).toBe(`attachment; filename="credit-note-${creditNote.number}.pdf"`)
      const adminPdf = await adminGet(creditNote.download.pdf)
      expect(Buffer.compare(Buffer.from(own.data), Buffer.from(adminPdf.data))).toBe(0)
      for (const format of ["cii", "ubl"] as const) {
        const xml = await storeGet(order.id, creditNote.id, tokens.jan, format)
        expect(xml.status).toBe(200)
        expect(textOf(xml.data)).toBe(textOf((await adminGet(creditNote.download[format]!)).data))
      }
      const wrongFormat = await storeGet(order.id, creditNote.id, tokens.jan, "docx")
      expect(wrongFormat.status).toBe(400)
      expect(jsonOf(wrongFormat.data).message).toContain("for field 'format'")

      // another customer's order and a missing one answer alike
      const foreign = await storeGet(order.id, creditNote.id, tokens.eva)
      expect(foreign.status).toBe(404)
      expect(jsonOf(foreign.data).message).toBe(`Order with id: ${order.id} was not found`)
      const missing = await storeGet("order_01JZZZZZZZZZZZZZZZZZZZZZZZ", creditNote.id, tokens.eva)
      expect([missing.status, jsonOf(missing.data).type]).toEqual([404, jsonOf(foreign.data).type])
      // Jan's own other order does not give out this order's credit note
      const crossed = await storeGet(other.id, creditNote.id, tokens.jan)
      expect(crossed.status).toBe(404)
      expect(jsonOf(crossed.data).message).toBe(`Credit note with id: ${creditNote.id} was not found`)

      expect((await storeGet(order.id, creditNote.id)).status).toBe(401)
    })

    describeWithEInvoiceValidator("the EN 16931 validator on the downloaded credit note", () => {
      it("passes the downloaded PDF, CII and UBL with 0 fatal errors", async () => {
        expect(downloaded).not.toBeNull()
        const { pdf, cii, ubl } = downloaded!
        const verdicts = await validateEInvoices([
          { name: "credit note PDF", content: pdf },
          { name: "credit note CII", content: cii },
          { name: "credit note UBL", content: ubl },
        ])
        const problems = Object.fromEntries([...verdicts].map(([name, verdict]) => [name, einvoiceProblems(verdict)]))
        expect(problems).toEqual({ "credit note PDF": [], "credit note CII": [], "credit note UBL": [] })
        expect(verdicts.get("credit note UBL")!.syntax).toBe("ubl")
      }, 120_000)
    })
  },
})
