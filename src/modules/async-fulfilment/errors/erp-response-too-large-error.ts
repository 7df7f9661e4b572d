import { PermanentSideEffectError } from "./permanent-side-effect-error"

/**
 * The ERP accepted the request but answered with a body beyond what the plugin reads: the
 * download was cancelled and the answer (its reference) is unknown. The same document would get
 * the same answer; an admin retries once the ERP is fixed (the Idempotency-Key lets it drop the repeat).
 */
export class ErpResponseTooLargeError extends PermanentSideEffectError {
  readonly status: number
  readonly maxBytes: number

  constructor(message: string, opts: { status: number; maxBytes: number }) {
    super(message)
    this.name = "ErpResponseTooLargeError"
    this.status = opts.status
    this.maxBytes = opts.maxBytes
  }
}
