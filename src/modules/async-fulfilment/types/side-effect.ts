/** The three side effects of a placed order; each is one BullMQ queue and one side-effect job per order and subject. */
export const SIDE_EFFECT_KINDS = ["invoice", "mail", "erp"] as const
export type SideEffectKind = (typeof SIDE_EFFECT_KINDS)[number]

interface SideEffectDependency {
  kind: SideEffectKind
  needs: SideEffectKind
  /** the waiting side-effect job's last_error when the one it needs fails for good */
  failedBecause: (error: string) => string
}

/**
 * The one dependency between side effects: the mail attaches the invoice. So the mail runs only
 * once its invoice exists (its parent in a BullMQ flow), fails with it, is held with it by a risk
 * review, and an admin's retry of either takes the other along when it failed too.
 */
export const SIDE_EFFECT_DEPENDENCIES: readonly SideEffectDependency[] = [
  { kind: "mail", needs: "invoice", failedBecause: (error) => `not sent: the invoice it attaches failed (${error})` },
]

/**
 * Side effects that read another's outcome without being its flow parent: the ERP document
 * carries the issued invoice but must not fail with it. Added together with the one it reads,
 * the reader starts delayed by `fallbackDelayMs` and is woken as soon as that one completes or
 * fails for good, so it runs once instead of starting early only to wait; the delay is the
 * fallback for a wake that does not come (a worker that died in between). It is long because a
 * burst issues its invoices one after the other (1,000 orders: 15–40 s on a 2-core worker): with
 * 2 s most ERP jobs of such a burst started before their invoice, only to wait and start again.
 */
export const SIDE_EFFECT_READERS: readonly { kind: SideEffectKind; reads: SideEffectKind; fallbackDelayMs: number }[] = [
  { kind: "erp", reads: "invoice", fallbackDelayMs: 30_000 },
]

/** The kinds that read this one's outcome. */
export const readersOf = (kind: SideEffectKind) => SIDE_EFFECT_READERS.filter((reader) => reader.reads === kind)

/** The side effect this kind waits for, if any. */
export const dependencyOf = (kind: SideEffectKind) => SIDE_EFFECT_DEPENDENCIES.find((dependency) => dependency.kind === kind)

/** The side effects that wait for this kind. */
export const dependentsOf = (kind: SideEffectKind) => SIDE_EFFECT_DEPENDENCIES.filter((dependency) => dependency.needs === kind)

/** The kinds tied to this one either way: held, retried and failed together with it. */
export const partnersOf = (kind: SideEffectKind): SideEffectKind[] => [
  ...dependentsOf(kind).map((dependency) => dependency.kind),
  ...SIDE_EFFECT_DEPENDENCIES.filter((dependency) => dependency.kind === kind).map((dependency) => dependency.needs),
]

/** These kinds and those that wait for any of them (holding the invoice holds the mail). */
export function withDependents(kinds: SideEffectKind[]): SideEffectKind[] {
  const dependents = kinds.flatMap((kind) => dependentsOf(kind).map((dependency) => dependency.kind))
  return [...kinds, ...dependents.filter((kind, i) => !kinds.includes(kind) && dependents.indexOf(kind) === i)]
}

/**
 * The subject of the ERP job that tells the ERP an order it received was canceled before it was
 * invoiced (no credit note to send). Other subjects are credit note ids (`afcn_…`); "" is the order's own.
 */
export const ORDER_CANCELED_SUBJECT = "order_canceled"

/** A refund's or return's credit request (`afcr_…`): its one job, of kind invoice, settles it. */
export const CREDIT_REQUEST_SUBJECT_PREFIX = "afcr_"

export const isCreditRequestSubject = (subject: string) => subject.startsWith(CREDIT_REQUEST_SUBJECT_PREFIX)
