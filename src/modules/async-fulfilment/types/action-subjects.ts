/**
 * The subjects of the side-effect jobs an admin's action adds to an order (beside "" for the
 * order's own, a credit note's id, and `order_canceled`): `resend-<n>` is the n-th resend of the
 * invoice mail; `resync-<n>` the order document sent to the ERP again by the n-th resync, and
 * `resync-<n>-<credit note id>` each credit note's in that resync.
 */
export const RESEND_SUBJECT_PREFIX = "resend-"
export const RESYNC_SUBJECT_PREFIX = "resync-"

export const resendMailSubject = (n: number) => `${RESEND_SUBJECT_PREFIX}${n}`

export const resyncErpSubject = (n: number, creditNoteId?: string | null) =>
  creditNoteId ? `${RESYNC_SUBJECT_PREFIX}${n}-${creditNoteId}` : `${RESYNC_SUBJECT_PREFIX}${n}`

export type ActionSubject =
  | { action: "resend_mail"; n: number }
  | { action: "resync_erp"; n: number; credit_note_id: string | null }

const RESEND = /^resend-([1-9]\d*)$/
const RESYNC = /^resync-([1-9]\d*)(?:-(.+))?$/

/** What an action's subject stands for; null for any other subject. */
export function parseActionSubject(subject: string): ActionSubject | null {
  const resend = RESEND.exec(subject)
  if (resend) {
    return { action: "resend_mail", n: Number(resend[1]) }
  }
  const resync = RESYNC.exec(subject)
  if (resync) {
    return { action: "resync_erp", n: Number(resync[1]), credit_note_id: resync[2] ?? null }
  }
  return null
}

/** `erp-<order or credit note id>-r<n>`: new for each resync, so the ERP takes the document again. */
export const resyncIdempotencyKey = (documentId: string, n: number) => `erp-${documentId}-r${n}`
