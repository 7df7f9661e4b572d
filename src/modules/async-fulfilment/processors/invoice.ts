import { buildInvoiceContent, renderInvoiceContentPdf } from "../invoice"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface InvoiceJobResult {
  invoice_number: string
  file_id: string
  file_url: string
}

/**
 * Allocates the order's invoice number (once: a re-run reuses it), renders the PDF and stores
 * it through the File module. A re-run after the file was stored only reports it.
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

  let content: ReturnType<typeof buildInvoiceContent>
  try {
    content = buildInvoiceContent({
      order,
      invoice: { number: invoice.number, issued_at: new Date(invoice.issued_at).toISOString() },
      seller: options.invoice.seller,
      locale: options.invoice.locale,
    })
  } catch (error) {
    throw new PermanentSideEffectError(`cannot lay out invoice ${invoice.number}: ${(error as Error).message}`)
  }
  const pdf = await renderInvoiceContentPdf(content, { fonts: options.invoice.fonts })
  const file = await files.save(`invoice-${invoice.number}.pdf`, pdf)
  await documents.attachInvoiceFile(invoice.id, file)
  return { invoice_number: invoice.number, file_id: file.id, file_url: file.url }
}
