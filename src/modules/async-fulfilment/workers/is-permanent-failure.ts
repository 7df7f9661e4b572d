import { UnrecoverableError } from "bullmq"
import { PermanentSideEffectError } from "../errors/permanent-side-effect-error"
import { ErpRejectedError } from "../erp/erp-errors"
import { MailRejectedError } from "../mail/mail-rejected-error"

/** Failures that another attempt cannot fix: they skip the remaining retries. */
export function isPermanentFailure(error: unknown): boolean {
  return (
    error instanceof UnrecoverableError ||
    error instanceof PermanentSideEffectError ||
    error instanceof ErpRejectedError ||
    error instanceof MailRejectedError
  )
}
