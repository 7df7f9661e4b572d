import { renderOrderConfirmationMail } from "../mail/render-order-mail"
import { sendInvoiceMail } from "../mail/send-invoice-mail"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface MailJobResult {
  message_id: string
  invoice_number: string
  accepted_count: number
}

/** Mails the order confirmation with the stored invoice PDF attached. */
export async function processMailJob(
  payload: SideEffectPayload,
  { documents, options, files, mailer }: ProcessorRuntime
): Promise<MailJobResult> {
  if (!mailer || !options.smtp) {
    throw new PermanentSideEffectError("mail is disabled: the plugin has no `smtp` option")
  }
  const order = await documents.retrieveOrderDocument(payload.order_id)
  if (!order.email) {
    throw new PermanentSideEffectError(`order ${payload.order_id} has no e-mail address`)
  }
  const invoice = await documents.findInvoice(payload.order_id)
  if (!invoice?.file_id) {
    throw new Error(`the invoice of order ${payload.order_id} is not rendered yet`)
  }
  const pdf = await files.read(invoice.file_id)
  const content = renderOrderConfirmationMail({
    order,
    invoice: { number: invoice.number, issued_at: new Date(invoice.issued_at).toISOString() },
    storeName: options.invoice.seller.name,
    locale: options.invoice.locale,
    invoiceUrl: options.storefront?.orderUrl.replace("{order_id}", encodeURIComponent(payload.order_id)) ?? null,
  })
  const sent = await sendInvoiceMail(mailer, {
    from: options.smtp.from,
    to: order.email,
    ...content,
    pdf,
    pdfFilename: `invoice-${invoice.number}.pdf`,
    // stable, so a receiving server or the customer's client can tell a resend from a new mail
    messageId: `<order-confirmation.${payload.order_id}@medusa-plugin-async-fulfilment>`,
  })
  return {
    message_id: sent.messageId,
    invoice_number: invoice.number,
    accepted_count: sent.accepted.length,
  }
}
