import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"
import { modelOf } from "../invoice/__tests__/__fixtures__/build-model"
import { medusaOrderDocument } from "../invoice/__tests__/__fixtures__/medusa-order"
import { CreditExceedsInvoiceError } from "../errors/credit-exceeds-invoice-error"
import type { NewCreditRequest } from "../db/credit-requests"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const issuedAt = new Date("2026-12-01T10:00:00Z")

/** 1,230.00 (1,000 net at 23 %) + 2 × 54.00 (2 × 50 net at 8 %) + 24.60 shipping (20 net at 23 %) = 1,362.60 gross */
const orderDocument = (orderId: string) => ({
  ...medusaOrderDocument({
    currency: "pln",
    items: [
      { title: "Biurko", unit_price: 1000, quantity: 1, tax: [{ rate: 23 }] },
      { title: "Książka", unit_price: 50, quantity: 2, tax: [{ rate: 8 }] },
    ],
    shipping: [{ name: "Kurier", amount: 20, tax: [{ rate: 23 }] }],
    billing: { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
  }),
  order_id: orderId,
})

const refundOf = (orderId: string, refundId: string, amount: number, order_canceled = false): NewCreditRequest => ({
  order_id: orderId,
  source_key: `refund:${refundId}`,
  reason: "refund",
  details: { refund_id: refundId, payment_id: `pay_${orderId}`, amount },
  order_canceled,
})

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-${run}-cr`,
  moduleOptions: {
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    queuePrefix: `afm-cr-${run}`,
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { numberPrefix: "FV/", seller: TEST_SELLER },
  },
  testSuite: ({ service }) => {
    /** An order recorded (its document, no jobs) and invoiced: number allocated, model stored. */
    const invoicedOrder = async (orderId: string) => {
      const document = orderDocument(orderId)
      await service.recordOrderSideEffects({ document, event_id: null, kinds: [] })
      const invoice = await service.allocateInvoice(orderId, issuedAt)
      await service.recordIssuedInvoice(invoice.id, { file: { id: `file-${orderId}`, url: `local://${orderId}.pdf` }, model: { ...modelOf(document), number: invoice.number } })
      return invoice
    }
    const record = async (requests: NewCreditRequest[]) => {
      const recorded = await service.recordCreditRequests(requests, null)
      return recorded.map(({ subject }) => subject)
    }

    it("credits concurrent refunds of one order one after another: distinct consecutive numbers, totals equal to the refunds; a repeat records and issues nothing", async () => {
      await invoicedOrder("order_concurrent")
      const amounts = [10, 20.5, 33.33, 100, 0.01, 250, 7.77, 99.99]
      const ids = await record(amounts.map((amount, i) => refundOf("order_concurrent", `ref_${i}`, amount)))
      expect(ids).toHaveLength(amounts.length)
      const settled = await Promise.all(ids.map((id) => service.settleCreditRequest(id, null)))
      const notes = settled.map((result) => (result.state === "settled" ? result.credit_note! : null))
      expect(notes.map((note) => note!.model.totals.grossTotal)).toEqual(amounts)
      expect(notes.map((note) => note!.sequence_value).sort((a, b) => a - b)).toEqual(amounts.map((_, i) => i + 1))
      settled.forEach((result) => expect(result.state === "settled" && result.created_kinds).toEqual(["invoice", "erp"])) // no smtp option here: no mail

      expect(await record(amounts.map((amount, i) => refundOf("order_concurrent", `ref_${i}`, amount)))).toEqual([])
      const again = await service.settleCreditRequest(ids[0], null)
      expect(again).toMatchObject({ state: "settled", created_kinds: [], credit_note: { id: notes[0]!.id } })
      expect(await service.findOrderCreditNotes("order_concurrent")).toHaveLength(amounts.length)
    })

    it("refuses a refund beyond the invoice without using a number, and leaves the request to be retried", async () => {
      await invoicedOrder("order_over")
      const [first, over] = await record([refundOf("order_over", "ref_a", 1300), refundOf("order_over", "ref_b", 100)])
      await service.settleCreditRequest(first, null)
      await expect(service.settleCreditRequest(over, null)).rejects.toThrow(CreditExceedsInvoiceError)
      const [request] = await service.listCreditRequests({ id: over })
      expect(request).toMatchObject({ outcome: null, credit_note_id: null })
      const [fits] = await record([refundOf("order_over", "ref_c", 62.6)])
      const settled = await service.settleCreditRequest(fits, null)
      expect(settled.state === "settled" && settled.credit_note!.sequence_value).toBe(2)
    })

    it("absorbs refunds by a return's credit note up to its amount and credits the rest; a canceled order's refund by the cancellation", async () => {
      await invoicedOrder("order_return")
      const [returned] = await record([
        { order_id: "order_return", source_key: "return:ret_1:1", reason: "return", details: { return_id: "ret_1", lines: [{ item_id: "ordli_2", quantity: 1 }] }, order_canceled: false },
      ])
      const credited = await service.settleCreditRequest(returned, null)
      expect(credited.state === "settled" && credited.credit_note!.model.lines.map((line) => [line.name, line.quantity, line.grossAmount])).toEqual([["Książka", 1, 54]])

      const [absorbed, partly] = await record([refundOf("order_return", "ref_r1", 50), refundOf("order_return", "ref_r2", 10)])
      expect(await service.settleCreditRequest(absorbed, null)).toMatchObject({ state: "settled", credit_note: null, request: { outcome: "absorbed", absorbed_minor: 5000, absorbed_by: "return" } })
      const rest = await service.settleCreditRequest(partly, null)
      expect(rest).toMatchObject({ state: "settled", request: { outcome: "credited", absorbed_minor: 400, absorbed_by: "return" } })
      expect(rest.state === "settled" && rest.credit_note!.model.totals.grossTotal).toBe(6)

      await invoicedOrder("order_canceled")
      const [canceled] = await record([refundOf("order_canceled", "ref_c1", 1338, true)])
      expect(await service.settleCreditRequest(canceled, null)).toMatchObject({ request: { outcome: "absorbed", absorbed_by: "cancellation" }, credit_note: null })
      expect(await service.findOrderCreditNotes("order_canceled")).toEqual([])
    })

    it("credits a return received in two goes once per unit (Medusa's quantities are cumulative), the shipping with the last unit back", async () => {
      await invoicedOrder("order_twice")
      const receipt = (units: number, lines: { item_id: string; quantity: number }[]): NewCreditRequest => ({
        order_id: "order_twice", source_key: `return:ret_2:${units}`, reason: "return", details: { return_id: "ret_2", lines }, order_canceled: false,
      })
      const [first] = await record([receipt(1, [{ item_id: "ordli_2", quantity: 1 }])])
      const one = await service.settleCreditRequest(first, null)
      expect(one.state === "settled" && one.credit_note!.model.lines.map((line) => [line.kind, line.name, line.quantity])).toEqual([["item", "Książka", 1]])
      const [second] = await record([receipt(3, [{ item_id: "ordli_1", quantity: 1 }, { item_id: "ordli_2", quantity: 2 }])])
      expect(await record([receipt(3, [{ item_id: "ordli_1", quantity: 1 }, { item_id: "ordli_2", quantity: 2 }])])).toEqual([])
      const rest = await service.settleCreditRequest(second, null)
      expect(rest.state === "settled" && rest.credit_note!.model.lines.map((line) => [line.kind, line.name, line.quantity])).toEqual([
        ["item", "Biurko", 1],
        ["item", "Książka", 1],
        ["shipping", "Kurier", 1],
      ])
      const notes = await service.findOrderCreditNotes("order_twice")
      expect(notes.reduce((sum, note) => sum + Math.round(note.model.totals.grossTotal * 100), 0)).toBe(136260)
    })

    it("says when there is no invoice to credit yet, and closes a request of an order never to be invoiced", async () => {
      await service.recordOrderSideEffects({ document: orderDocument("order_uninvoiced"), event_id: null, kinds: [] })
      const [id] = await record([refundOf("order_uninvoiced", "ref_u", 5)])
      expect(await service.settleCreditRequest(id, null)).toMatchObject({ state: "no_invoice", invoice_number: null })
      expect(await service.closeCreditRequestNotInvoiced(id)).toMatchObject({ outcome: "not_invoiced" })
      expect(await service.settleCreditRequest(id, null)).toMatchObject({ state: "settled", credit_note: null })
    })
  },
})
