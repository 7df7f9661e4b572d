import type Mail from "nodemailer/lib/mailer"
import { classifySmtpError } from "./classify-smtp-error"
import { traceSmtpSend } from "../tracing/client-spans"

/** Any nodemailer transporter (pooled or not) fits. */
export interface MailSender {
  sendMail(mail: Mail.Options): Promise<unknown>
}

export interface InvoiceMail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** the invoice; a review notice has none */
  pdf?: Buffer
  pdfFilename?: string
  /** the e-invoice XML (UBL) beside the PDF, when the store attaches it */
  xml?: Buffer
  xmlFilename?: string
  /** `<id@host>`; a stable one lets receivers recognise a resend */
  messageId?: string
}

export interface InvoiceMailResult {
  messageId: string
  accepted: string[]
  rejected: string[]
  response: string
}

interface SentInfoFields {
  messageId?: string
  accepted?: (string | Mail.Address)[]
  rejected?: (string | Mail.Address)[]
  response?: string
}

/**
 * Sends a mail of the order: the confirmation with the invoice PDF attached, or a notice.
 * Throws MailRejectedError (do not retry) or MailTemporaryError (retry later).
 */
export async function sendInvoiceMail(
  transport: MailSender,
  mail: InvoiceMail
): Promise<InvoiceMailResult> {
  let info: SentInfoFields
  try {
    info = ((await traceSmtpSend((transport as { options?: { host?: unknown; port?: unknown } }).options, () => transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: [
        ...(mail.pdf ? [{ filename: mail.pdfFilename, content: mail.pdf, contentType: "application/pdf" }] : []),
        ...(mail.xml ? [{ filename: mail.xmlFilename, content: mail.xml, contentType: "application/xml" }] : []),
      ],
    }))) ?? {}) as SentInfoFields
  } catch (error) {
    throw classifySmtpError(error)
  }

  return {
    messageId: info.messageId ?? mail.messageId ?? "",
    accepted: (info.accepted ?? []).map(addressOf),
    rejected: (info.rejected ?? []).map(addressOf),
    response: info.response ?? "",
  }
}

function addressOf(entry: string | Mail.Address): string {
  return typeof entry === "string" ? entry : entry.address
}
