import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import type { SideEffectPayload } from "../queues/payload"
import type { ProcessorRuntime } from "../runtime/processor-runtime"
import { mailInvoice, type MailJobResult } from "./mail"

export interface ResendMailJobResult extends MailJobResult {
  /** true when it went to the address the admin gave, not the order's */
  to_given: boolean
}

/**
 * An admin's resend (subject `resend-<n>`): the invoice mail again, same invoice and stored PDF,
 * to the address its audit entry records (the order's own when none was given). Its own
 * Message-ID, so the customer's client shows it as a new mail.
 */
export async function processResendMailJob(
  payload: SideEffectPayload,
  runtime: ProcessorRuntime
): Promise<ResendMailJobResult> {
  const recipient = await runtime.documents.findResendRecipient(payload.order_id, payload.subject)
  if (!recipient) {
    throw new PermanentSideEffectError(`no audit entry records the ${payload.subject} of order ${payload.order_id}`)
  }
  if (recipient.erased) {
    // never fall back to the order's address: the admin chose another one
    throw new PermanentSideEffectError(`the address given for ${payload.subject} of order ${payload.order_id} was erased`)
  }
  const sent = await mailInvoice(payload.order_id, runtime, {
    to: recipient.to ?? undefined,
    messageName: `order-confirmation.${payload.subject}`,
  })
  return { ...sent, to_given: recipient.to !== null }
}
