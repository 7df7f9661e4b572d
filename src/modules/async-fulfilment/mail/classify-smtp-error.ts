import { MailRejectedError } from "../errors/mail-rejected-error"
import { MailTemporaryError } from "../errors/mail-temporary-error"
import { redactEmailAddresses } from "../redact/redact-email-addresses"

/** The fields nodemailer puts on its errors. */
interface NodemailerErrorFields {
  code?: string
  responseCode?: number
  command?: string
  response?: string
  rejectedErrors?: { responseCode?: number }[]
}

// A 5xx here concerns this mail; a 5xx on AUTH or MAIL FROM is the shop's setup, which can be fixed.
const MESSAGE_COMMANDS = new Set(["RCPT TO", "DATA"])
const MAX_RESPONSE_CHARS = 200

/**
 * Sorts a nodemailer failure into "give up" or "try again". Messages never repeat
 * nodemailer's own, which may quote the recipient address.
 */
export function classifySmtpError(error: unknown): MailRejectedError | MailTemporaryError {
  const fields = (error ?? {}) as NodemailerErrorFields
  const code = typeof fields.code === "string" ? fields.code : undefined
  const responseCode = typeof fields.responseCode === "number" ? fields.responseCode : undefined
  const command = typeof fields.command === "string" ? fields.command : undefined
  const reply = describeReply(responseCode, command, fields.response)

  if (command === "STARTTLS" || code === "ETLS") {
    // smtp.requireTLS (the default off loopback): nodemailer stops before AUTH and MAIL FROM
    return new MailTemporaryError(
      `SMTP server did not upgrade the connection to TLS (${reply}); smtp.requireTLS is on, so nothing was sent and no login was tried`,
      { responseCode, code }
    )
  }
  if (isPermanent(fields, responseCode, command)) {
    const subject = command === "RCPT TO" ? "the recipient" : "the message"
    return new MailRejectedError(`SMTP server permanently rejected ${subject} (${reply})`, {
      responseCode: responseCode!,
      command,
    })
  }
  const cause = responseCode === undefined ? `${code ?? "unknown error"}, ${connectionDetail(error)}` : reply
  return new MailTemporaryError(`SMTP delivery to the recipient failed temporarily (${cause})`, {
    responseCode,
    code,
  })
}

function isPermanent(
  fields: NodemailerErrorFields,
  responseCode: number | undefined,
  command: string | undefined
): boolean {
  if (responseCode === undefined || responseCode < 500 || !command || !MESSAGE_COMMANDS.has(command)) {
    return false
  }
  // "all recipients were rejected" carries the last reply; every recipient must have had a 5xx.
  const perRecipient = fields.rejectedErrors ?? []
  return perRecipient.every((rejection) => (rejection.responseCode ?? 0) >= 500)
}

function describeReply(
  responseCode: number | undefined,
  command: string | undefined,
  response: string | undefined
): string {
  // nodemailer's response starts with the reply code: "550 5.1.1 ... User unknown"
  const reply =
    typeof response === "string" && response
      ? `"${redactEmailAddresses(response).slice(0, MAX_RESPONSE_CHARS)}"`
      : String(responseCode ?? "nothing")
  return `${command ?? "server"} answered ${reply}`
}

/** Socket errno for network failures ("connect ECONNREFUSED 127.0.0.1:25" → ECONNREFUSED). */
function connectionDetail(error: unknown): string {
  // Not `instanceof Error`: socket errors may come from another realm (jest's vm, worker threads).
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message !== "string") {
    return "no SMTP reply"
  }
  return /\bE[A-Z]{3,}\b/.exec(message)?.[0] ?? "no SMTP reply"
}
