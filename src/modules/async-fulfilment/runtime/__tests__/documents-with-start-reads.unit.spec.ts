import type { AllocatedInvoiceRow } from "../../db/allocate-invoice-number"
import type { OrderDocument } from "../../types/order-document"
import { documentsWithStartReads } from "../documents-with-start-reads"
import type { ProcessorDocuments } from "../processor-documents"

const documentOf = (orderId: string) => ({ order_id: orderId, email: `${orderId}@example.com` }) as unknown as OrderDocument
const invoiceOf = (orderId: string, fileId: string | null) =>
  ({ id: `inv_${orderId}`, order_id: orderId, number: "FV/1", file_id: fileId }) as unknown as AllocatedInvoiceRow

/** Documents that answer from these maps and count every read that reached them. */
function countingDocuments(invoices: Map<string, AllocatedInvoiceRow | null>) {
  const reads: string[] = []
  const documents = {
    label: "the module",
    async retrieveOrderDocument(orderId: string) {
      reads.push(`document ${orderId}`)
      return documentOf(orderId)
    },
    async findInvoice(orderId: string) {
      reads.push(`invoice ${orderId}`)
      return invoices.get(orderId) ?? null
    },
    async findSideEffectState(this: { label: string }) {
      reads.push(`state (${this.label})`)
      return null
    },
  } as unknown as ProcessorDocuments
  return { documents, reads }
}

describe("documentsWithStartReads", () => {
  it("serves the job's first read of its order's document and invoice, and sends every later one to Postgres", async () => {
    const issued = invoiceOf("order_1", "file_1")
    const { documents, reads } = countingDocuments(new Map([["order_1", issued]]))
    const unissued = invoiceOf("order_1", null)
    const job = documentsWithStartReads(documents, "order_1", { document: documentOf("order_1"), invoice: unissued })

    expect(await job.retrieveOrderDocument("order_1")).toEqual(documentOf("order_1"))
    expect(await job.findInvoice("order_1")).toBe(unissued)
    expect(reads).toEqual([])

    // a job that waits for its invoice looks again, and must see it issued meanwhile
    expect(await job.findInvoice("order_1")).toBe(issued)
    expect(await job.retrieveOrderDocument("order_1")).toEqual(documentOf("order_1"))
    expect(reads).toEqual(["invoice order_1", "document order_1"])
  })

  it("serves a start that found no invoice as none, once, and never another order's reads", async () => {
    const { documents, reads } = countingDocuments(new Map([["order_2", invoiceOf("order_2", "file_2")]]))
    const job = documentsWithStartReads(documents, "order_1", { document: null, invoice: null })

    expect(await job.findInvoice("order_1")).toBeNull()
    expect(reads).toEqual([])
    // no document recorded at the start: the module's own read (and its error) decides
    await job.retrieveOrderDocument("order_1")
    expect((await job.findInvoice("order_2"))?.file_id).toBe("file_2")
    expect(reads).toEqual(["document order_1", "invoice order_2"])
  })

  it("passes every other call to the module, on the module", async () => {
    const { documents, reads } = countingDocuments(new Map())
    const job = documentsWithStartReads(documents, "order_1", { document: null, invoice: null })
    await job.findSideEffectState("order_1", "invoice")
    expect(reads).toEqual(["state (the module)"])
  })
})
