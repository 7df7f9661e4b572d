import { resolveInvoiceLanguage } from "../i18n"
import { isEInvoice, renderInvoiceXml } from "../invoice/issue-invoice"
import { renderOrderConfirmationMail } from "../mail/render-order-mail"
import { sendInvoiceMail } from "../mail/send-invoice-mail"
import { orderMailMessageId } from "../mail/message-id"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface MailJobResult {
  message_id: string
  invoice_number: string
  accepted_count: number
}

/** Mails the order confirmation with the stored invoice PDF attached (and its UBL XML when `einvoice.attachXml`). */
export async function processMailJob(payload: SideEffectPayload, runtime: ProcessorRuntime): Promise<MailJobResult> {
  return mailInvoice(payload.order_id, runtime, { messageName: "order-confirmation" })
}

export interface InvoiceMailTarget {
  /** the recipient; the order's address when absent */
  to?: string
  /** names the mail in its Message-ID (`<name>.<order id>@…`): a resend is a mail of its own */
  messageName: string
}

/** The invoice mail of the order (the confirmation, or an admin's resend of it): same invoice, same stored PDF. */
export async function mailInvoice(
  orderId: string,
  { documents, options, files, mailer }: ProcessorRuntime,
  target: InvoiceMailTarget
): Promise<MailJobResult> {
  if (!mailer || !options.smtp) {
    throw new PermanentSideEffectError("mail is disabled: the plugin has no `smtp` option")
  }
  const order = await documents.retrieveOrderDocument(orderId)
  const to = target.to ?? order.email
  if (!to) {
    throw new PermanentSideEffectError(`order ${orderId} has no e-mail address`)
  }
  const invoice = await documents.findInvoice(orderId)
  if (!invoice?.file_id) {
    throw new Error(`the invoice of order ${orderId} is not rendered yet`)
  }
  const pdf = await files.read(invoice.file_id)
  // invoices issued before 0.2.0 have no model: their PDF goes alone
  const einvoice = invoice.model !== null && isEInvoice(invoice.model)
  const xml = einvoice && options.invoice.einvoice.attachXml ? renderInvoiceXml(invoice.model!, "ubl") : undefined
  const content = renderOrderConfirmationMail({
    order,
    invoice: { number: invoice.number, issued_at: new Date(invoice.issued_at).toISOString() },
    storeName: options.invoice.seller.name,
    language: resolveInvoiceLanguage(order, options.invoice.languages),
    attachments: { eInvoice: einvoice, xml: xml !== undefined },
    invoiceUrl: options.storefront?.orderUrl.replace("{order_id}", encodeURIComponent(orderId)) ?? null,
  })
  const sent = await sendInvoiceMail(mailer, {
    from: options.smtp.from,
    to,
    ...content,
    pdf,
    pdfFilename: content.pdfFilename,
    xml,
    xmlFilename: content.xmlFilename,
    messageId: orderMailMessageId(target.messageName, orderId),
  })
  return {
    message_id: sent.messageId,
    invoice_number: invoice.number,
    accepted_count: sent.accepted.length,
  }
}
