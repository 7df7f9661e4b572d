import { resolveInvoiceLanguage, translationsFor } from "../i18n"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import { orderMailMessageId } from "../mail/message-id"
import { renderNoticeMail } from "../mail/render-notice-mail"
import { sendInvoiceMail } from "../mail/send-invoice-mail"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"

export interface OrderCanceledMailJobResult {
  message_id: string
  accepted_count: number
}

/** Tells the customer, in the order's language, that the order was canceled before any invoice was issued. */
export async function processOrderCanceledMailJob(
  payload: SideEffectPayload,
  { documents, options, mailer }: ProcessorRuntime
): Promise<OrderCanceledMailJobResult> {
  if (!mailer || !options.smtp) {
    throw new PermanentSideEffectError("mail is disabled: the plugin has no `smtp` option")
  }
  const order = await documents.retrieveOrderDocument(payload.order_id)
  if (!order.email) {
    throw new PermanentSideEffectError(`order ${payload.order_id} has no e-mail address`)
  }
  const texts = translationsFor(resolveInvoiceLanguage(order, options.invoice.languages)).mail
  const sent = await sendInvoiceMail(mailer, {
    from: options.smtp.from,
    to: order.email,
    ...renderNoticeMail(texts.orderCanceled, texts, order, options.invoice.seller.name),
    messageId: orderMailMessageId("order-canceled", payload.order_id),
  })
  return { message_id: sent.messageId, accepted_count: sent.accepted.length }
}
