import { PermanentSideEffectError } from "./permanent-side-effect-error"

/**
 * The ERP refused the document (4xx other than 408/429, or a redirect):
 * sending it again unchanged will not help.
 */
export class ErpRejectedError extends PermanentSideEffectError {
  readonly status: number
  /** start of the response body, e-mail addresses redacted, at most 500 characters */
  readonly bodyExcerpt: string

  constructor(message: string, opts: { status: number; bodyExcerpt: string }) {
    // The ERP's own words say what to fix: they go with the message into the failed set.
    super(opts.bodyExcerpt ? `${message}: ${opts.bodyExcerpt}` : message)
    this.name = "ErpRejectedError"
    this.status = opts.status
    this.bodyExcerpt = opts.bodyExcerpt
  }
}
