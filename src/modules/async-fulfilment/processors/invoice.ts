import { buildOrderInvoiceModel, invoiceFileName, renderIssuedInvoicePdf } from "../invoice/issue-invoice"
import type { InvoiceModel } from "../invoice/model"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { recordOwnUpload } from "../runtime/record-own-upload"

export interface InvoiceJobResult {
  invoice_number: string
  file_id: string
  file_url: string
}

/**
 * Allocates the order's invoice number (once: a re-run reuses it), builds the invoice model, renders
 * the (Factur-X) PDF and stores it through the File module together with the model, from which the
 * XML renderings are served byte for byte as embedded. A re-run after the file was stored only reports it;
 * a run that loses to a concurrent one, or cannot record its file, deletes its own upload.
 */
export async function processInvoiceJob(
  payload: SideEffectPayload,
  { documents, options, files, logger }: ProcessorRuntime
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
  const uploaded = await files.save(invoiceFileName(invoice.number, "pdf"), pdf)
  const file = await recordOwnUpload(
    { orderId: payload.order_id, invoiceId: invoice.id, invoiceNumber: invoice.number, file: uploaded, model },
    { documents, files, logger }
  )
  return { invoice_number: invoice.number, file_id: file.id, file_url: file.url }
}
