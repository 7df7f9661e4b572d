import { PermanentSideEffectError } from "./permanent-side-effect-error"

/**
 * The SMTP server refused the mail for good (5xx for every recipient, or for the
 * message itself): sending it again unchanged will not help.
 */
export class MailRejectedError extends PermanentSideEffectError {
  readonly responseCode: number
  /** SMTP command that was refused, e.g. "RCPT TO" or "DATA" */
  readonly command: string | undefined

  constructor(message: string, opts: { responseCode: number; command?: string }) {
    super(message)
    this.name = "MailRejectedError"
    this.responseCode = opts.responseCode
    this.command = opts.command
  }
}
