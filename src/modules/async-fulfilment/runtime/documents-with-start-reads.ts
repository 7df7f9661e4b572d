import type { ProcessorDocuments } from "./processor-documents"
import type { SideEffectStartReads } from "./side-effect-job-progress"

/**
 * The processor's documents for one queue job: its first read of the order document and of the
 * invoice is served from what the job's start read (one round trip less each); every later read,
 * and every read of another order, goes to Postgres, so a job that waits and looks again sees news.
 */
export function documentsWithStartReads(
  documents: ProcessorDocuments,
  orderId: string,
  reads: SideEffectStartReads
): ProcessorDocuments {
  let document = reads.document
  let invoice: SideEffectStartReads["invoice"] | undefined = reads.invoice
  const served: Pick<ProcessorDocuments, "retrieveOrderDocument" | "findInvoice"> = {
    async retrieveOrderDocument(id) {
      if (id !== orderId || !document) {
        return documents.retrieveOrderDocument(id)
      }
      const read = document
      document = null
      return read
    },
    async findInvoice(id) {
      if (id !== orderId || invoice === undefined) {
        return documents.findInvoice(id)
      }
      const read = invoice
      invoice = undefined
      return read
    },
  }
  return new Proxy(documents, {
    get(target, property) {
      if (property in served) {
        return served[property as keyof typeof served]
      }
      const value = Reflect.get(target, property, target)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}
