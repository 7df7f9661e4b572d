/**
 * The ERP could not take the document right now (5xx, 408, 429, network error,
 * timeout): sending the same document again later may succeed.
 */
export class ErpRetryableError extends Error {
  /** HTTP status, absent when no response arrived */
  readonly status?: number
  /** the server's Retry-After, in milliseconds, when it sent one */
  readonly retryAfterMs?: number

  constructor(
    message: string,
    opts: { status?: number; retryAfterMs?: number } = {}
  ) {
    super(message)
    this.name = "ErpRetryableError"
    this.status = opts.status
    this.retryAfterMs = opts.retryAfterMs
  }
}
