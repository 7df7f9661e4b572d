import { AwaitingDependencyError } from "../../errors/awaiting-dependency-error"
import type { ProcessorDocuments, SideEffectState } from "../../runtime/processor-documents"
import type { AllocatedInvoiceRow } from "../../db/allocate-invoice-number"
import { invoiceWaitMs, issuedInvoiceOrWait } from "../await-issued-invoice"
import { medusaOrderDocument } from "../../invoice/__tests__/__fixtures__/medusa-order"
import { modelOf } from "../../invoice/__tests__/__fixtures__/build-model"

const model = modelOf(
  medusaOrderDocument({
    currency: "eur",
    items: [{ title: "Chair", unit_price: 100, quantity: 1, tax: [{ rate: 19 }] }],
    billing: { first_name: "Lena", last_name: "Vogel", city: "Berlin", address_1: "Hauptstraße 7", postal_code: "10115", country_code: "de" },
  })
)

const invoiceRow = (issued: boolean): AllocatedInvoiceRow =>
  ({ id: "afinv_1", order_id: "order_1", number: model.number, issued_at: new Date(), file_id: issued ? "file_1" : null, file_url: null, model: issued ? model : null }) as unknown as AllocatedInvoiceRow

/** What Postgres would answer: the order's invoice row and the invoice side-effect job's state. */
function documentsWith(invoice: AllocatedInvoiceRow | null, state: SideEffectState | null): ProcessorDocuments {
  return {
    findInvoice: async () => invoice,
    findSideEffectState: async () => state,
  } as unknown as ProcessorDocuments
}

describe("issuedInvoiceOrWait", () => {
  it("gives the issued invoice's model", async () => {
    await expect(issuedInvoiceOrWait("order_1", documentsWith(invoiceRow(true), { status: "completed", next_retry_at: null }))).resolves.toBe(model)
  })

  it.each(["queued", "active", "held"] as const)("waits while the invoice job is %s", async (status) => {
    const wait = issuedInvoiceOrWait("order_1", documentsWith(invoiceRow(false), { status, next_retry_at: null }))
    await expect(wait).rejects.toBeInstanceOf(AwaitingDependencyError)
    await expect(wait).rejects.toMatchObject({ awaiting: "invoice", message: expect.stringContaining(status) })
  })

  it.each(["failed", "discarded"] as const)("goes ahead without an invoice when the invoice job is %s", async (status) => {
    await expect(issuedInvoiceOrWait("order_1", documentsWith(invoiceRow(false), { status, next_retry_at: null }))).resolves.toBeNull()
  })

  it("goes ahead without an invoice when the order has no invoice job (invoices off)", async () => {
    await expect(issuedInvoiceOrWait("order_1", documentsWith(null, null))).resolves.toBeNull()
  })
})

describe("invoiceWaitMs", () => {
  const now = Date.parse("2026-12-02T10:00:00Z")
  it("looks again just after the invoice's own retry is due, within 1 s … 60 s", () => {
    expect(invoiceWaitMs({ status: "queued", next_retry_at: new Date(now + 10_000) }, now)).toBe(10_250)
    expect(invoiceWaitMs({ status: "queued", next_retry_at: new Date(now - 5_000) }, now)).toBe(1_000)
    expect(invoiceWaitMs({ status: "queued", next_retry_at: new Date(now + 3_600_000) }, now)).toBe(60_000)
  })
  it("polls a first run every 2 s and a held invoice every minute", () => {
    expect(invoiceWaitMs({ status: "active", next_retry_at: null }, now)).toBe(2_000)
    expect(invoiceWaitMs({ status: "held", next_retry_at: null }, now)).toBe(60_000)
  })
})
