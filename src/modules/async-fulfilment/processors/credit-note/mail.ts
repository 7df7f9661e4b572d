import { PermanentSideEffectError } from "../../errors/permanent-side-effect-error"
import { renderCreditNoteMail } from "../../mail/render-credit-note-mail"
import { sendInvoiceMail } from "../../mail/send-invoice-mail"
import { orderMailMessageId } from "../../mail/message-id"
import type { SideEffectPayload } from "../../queues/payload"
import type { ProcessorRuntime } from "../../runtime/processor-runtime"
import { loadCreditNote } from "./load-credit-note"

export interface CreditNoteMailJobResult {
  message_id: string
  credit_note_number: string
  accepted_count: number
}

/** Mails the credit note to the customer, in the order's language, with its PDF attached (its child job stored it). */
export async function processCreditNoteMailJob(
  payload: SideEffectPayload,
  { documents, options, files, mailer }: ProcessorRuntime
): Promise<CreditNoteMailJobResult> {
  if (!mailer || !options.smtp) {
    throw new PermanentSideEffectError("mail is disabled: the plugin has no `smtp` option")
  }
  const order = await documents.retrieveOrderDocument(payload.order_id)
  if (!order.email) {
    throw new PermanentSideEffectError(`order ${payload.order_id} has no e-mail address`)
  }
  const creditNote = await loadCreditNote(payload, documents)
  if (!creditNote.file_id) {
    throw new Error(`the PDF of credit note ${creditNote.number} is not rendered yet`)
  }
  const pdf = await files.read(creditNote.file_id)
  const content = renderCreditNoteMail({ order, creditNote, storeName: options.invoice.seller.name })
  const sent = await sendInvoiceMail(mailer, {
    from: options.smtp.from,
    to: order.email,
    subject: content.subject,
    text: content.text,
    html: content.html,
    pdf,
    pdfFilename: content.pdfFilename,
    messageId: orderMailMessageId(`credit-note.${creditNote.id}`, payload.order_id),
  })
  return { message_id: sent.messageId, credit_note_number: creditNote.number, accepted_count: sent.accepted.length }
}
