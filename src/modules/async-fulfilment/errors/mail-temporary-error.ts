/**
 * The mail could not be handed over now (4xx, connection refused, timeout, login
 * failure): a later attempt may succeed.
 */
export class MailTemporaryError extends Error {
  /** SMTP reply code, absent when the server never answered */
  readonly responseCode: number | undefined
  /** nodemailer error code, e.g. "ECONNECTION", "ETIMEDOUT", "EENVELOPE" */
  readonly code: string | undefined

  constructor(message: string, opts: { responseCode?: number; code?: string } = {}) {
    super(message)
    this.name = "MailTemporaryError"
    this.responseCode = opts.responseCode
    this.code = opts.code
  }
}
