import { buildOrderInvoiceModel, invoiceFileName, renderIssuedInvoicePdf } from "../invoice/issue-invoice"
import type { InvoiceModel } from "../invoice/model"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface InvoiceJobResult {
  invoice_number: string
  file_id: string
  file_url: string
}

/**
 * Allocates the order's invoice number (once: a re-run reuses it), builds the invoice model, renders
 * the (Factur-X) PDF and stores it through the File module together with the model, from which the
 * XML renderings are served byte for byte as embedded. A re-run after the file was stored only reports it.
 */
export async function processInvoiceJob(
  payload: SideEffectPayload,
  { documents, options, files }: ProcessorRuntime
): Promise<InvoiceJobResult> {
  const order = await documents.retrieveOrderDocument(payload.order_id)
  const invoice = await documents.allocateInvoice(payload.order_id)
  if (invoice.file_id && invoice.file_url) {
    return { invoice_number: invoice.number, file_id: invoice.file_id, file_url: invoice.file_url }
  }

  let model: InvoiceModel
  try {
    model = buildOrderInvoiceModel(
      order,
      { number: invoice.number, issued_at: new Date(invoice.issued_at).toISOString() },
      options.invoice
    )
  } catch (error) {
    if (error instanceof PermanentSideEffectError) {
      throw error
    }
    throw new PermanentSideEffectError(`cannot build invoice ${invoice.number}: ${(error as Error).message}`)
  }
  const pdf = await renderIssuedInvoicePdf(model, options.invoice)
  const file = await files.save(invoiceFileName(invoice.number, "pdf"), pdf)
  await documents.recordIssuedInvoice(invoice.id, { file, model })
  return { invoice_number: invoice.number, file_id: file.id, file_url: file.url }
}
