import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ASYNC_FULFILMENT_MODULE } from ".."
import type AsyncFulfilmentModuleService from "../service"
import { TEST_SELLER } from "../options/__tests__/__fixtures__/test-seller"
import { modelOf } from "../invoice/__tests__/__fixtures__/build-model"
import { medusaOrderDocument } from "../invoice/__tests__/__fixtures__/medusa-order"
import { CreditExceedsInvoiceError } from "../errors/credit-exceeds-invoice-error"

jest.setTimeout(60_000)

const run = process.env.AF_TEST_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`
const issuedAt = new Date("2026-12-01T10:00:00Z")

/** A paid PLN order of 1,230.00 gross (1,000 net at 23 %) and 108.00 (100 net at 8 %). */
const invoiceModelFor = (number: string) => ({
  ...modelOf(
    medusaOrderDocument({
      currency: "pln",
      items: [
        { title: "Biurko", unit_price: 1000, quantity: 1, tax: [{ rate: 23 }] },
        { title: "Książka", unit_price: 100, quantity: 1, tax: [{ rate: 8 }] },
      ],
      billing: { first_name: "Anna", last_name: "Nowak", address_1: "ul. Długa 12/3", city: "Kraków", postal_code: "31-147", country_code: "pl" },
    })
  ),
  number,
})

moduleIntegrationTestRunner<AsyncFulfilmentModuleService>({
  moduleName: ASYNC_FULFILMENT_MODULE,
  resolve: "./src/modules/async-fulfilment",
  dbName: `af-module-${run}-cn`,
  moduleOptions: {
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    queuePrefix: `afm-cn-${run}`,
    erp: { url: "http://127.0.0.1:4010/orders", secret: "0123456789abcdef" },
    invoice: { numberPrefix: "FV/", seller: TEST_SELLER },
  },
  testSuite: ({ service }) => {
    /** An order whose invoice is issued: its number allocated and its model stored. */
    const issueInvoice = async (orderId: string) => {
      const invoice = await service.allocateInvoice(orderId, issuedAt)
      await service.recordIssuedInvoice(invoice.id, { file: { id: `file-${orderId}`, url: `local://${orderId}.pdf` }, model: invoiceModelFor(invoice.number) })
      return invoice
    }

    it("numbers the credit notes of ten concurrent cancellations CN-2026-000001 … 000010, each taking back its invoice", async () => {
      const orders = Array.from({ length: 10 }, (_, i) => `order_cancel_${i}`)
      const invoices = await Promise.all(orders.map(issueInvoice))
      const notes = await Promise.all(
        orders.map((orderId) => service.issueCreditNote({ orderId, reason: "cancellation", sourceKey: `cancel:${orderId}`, issuedAt }))
      )
      expect(notes.map((note) => note.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `CN-2026-${String(i + 1).padStart(6, "0")}`))
      notes.forEach((note, i) => {
        expect(note).toMatchObject({ order_id: orders[i], invoice_id: invoices[i].id, reason: "cancellation", file_id: null })
        expect(note.model).toMatchObject({
          number: note.number,
          typeCode: "381",
          precedingInvoice: { number: invoices[i].number },
          totals: { grossTotal: 1338, netTotal: 1100, vatTotal: 238 },
        })
      })
    })

    it("issues one credit note for a source however often and however concurrently it is asked for", async () => {
      await issueInvoice("order_repeat")
      const notes = await Promise.all(
        Array.from({ length: 6 }, () => service.issueCreditNote({ orderId: "order_repeat", reason: "cancellation", sourceKey: "cancel:order_repeat" }))
      )
      expect(new Set(notes.map((note) => note.id)).size).toBe(1)
      expect(await service.findOrderCreditNotes("order_repeat")).toHaveLength(1)
    })

    it("issues a credit note per partial refund, refuses one beyond the invoice, and leaves no gap in the numbers", async () => {
      await issueInvoice("order_refunds")
      const first = await service.issueCreditNote({ orderId: "order_refunds", reason: "refund", sourceKey: "refund:r1", grossAmount: 338 })
      const second = await service.issueCreditNote({ orderId: "order_refunds", reason: "refund", sourceKey: "refund:r2", grossAmount: 500 })
      expect([first.model.totals.grossTotal, second.model.totals.grossTotal]).toEqual([338, 500])

      await expect(
        service.issueCreditNote({ orderId: "order_refunds", reason: "refund", sourceKey: "refund:r3", grossAmount: 500.01 })
      ).rejects.toThrow(CreditExceedsInvoiceError)
      await expect(
        service.issueCreditNote({ orderId: "order_refunds", reason: "refund", sourceKey: "refund:r3", grossAmount: 500.01 })
      ).rejects.toThrow(/only 500\.00 PLN of it is left to credit/)

      // cancelling now credits exactly what is left, under the next number
      const rest = await service.issueCreditNote({ orderId: "order_refunds", reason: "cancellation", sourceKey: "cancel:order_refunds" })
      expect(rest.model.totals.grossTotal).toBe(500)
      expect(rest.sequence_value).toBe(second.sequence_value + 1)
      expect(second.sequence_value).toBe(first.sequence_value + 1)
    })

    it("lets concurrent refunds of one invoice through only as far as the invoice holds", async () => {
      await issueInvoice("order_refund_race")
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          service.issueCreditNote({ orderId: "order_refund_race", reason: "refund", sourceKey: `refund:race-${i}`, grossAmount: 300 })
        )
      )
      const issued = outcomes.filter((outcome) => outcome.status === "fulfilled")
      const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected")
      // 1,338.00 holds four refunds of 300.00
      expect(issued).toHaveLength(4)
      expect(refused.every((outcome) => outcome.reason instanceof CreditExceedsInvoiceError)).toBe(true)
      const notes = await service.findOrderCreditNotes("order_refund_race")
      expect(notes.reduce((sum, note) => sum + note.model.totals.grossTotal, 0)).toBe(1200)
    })

    it("refuses a credit note for an order without an issued invoice, saying so", async () => {
      await expect(service.issueCreditNote({ orderId: "order_none", reason: "cancellation", sourceKey: "cancel:order_none" })).rejects.toThrow(
        /Order order_none has no issued invoice to credit/
      )
      await service.allocateInvoice("order_unrendered", issuedAt)
      await expect(
        service.issueCreditNote({ orderId: "order_unrendered", reason: "cancellation", sourceKey: "cancel:order_unrendered" })
      ).rejects.toThrow(/has no stored model/)
    })

    it("records the credit note's file once", async () => {
      await issueInvoice("order_file")
      const note = await service.issueCreditNote({ orderId: "order_file", reason: "cancellation", sourceKey: "cancel:order_file" })
      expect(await service.recordCreditNoteFile(note.id, { id: "f1", url: "local://f1" })).toBe(true)
      expect(await service.recordCreditNoteFile(note.id, { id: "f2", url: "local://f2" })).toBe(false)
      expect(await service.findCreditNote(note.id)).toMatchObject({ file_id: "f1", file_url: "local://f1" })
    })
  },
})
