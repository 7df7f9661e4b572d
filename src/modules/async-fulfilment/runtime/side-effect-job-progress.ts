import type { OrderDocument } from "../types/order-document"
import type { AllocatedInvoiceRow } from "../db/allocate-invoice-number"
import type { SideEffectKind } from "../types/side-effect"
import type { AttemptFailure } from "../side-effect-jobs/state-machine"

/**
 * What the start of a queue job read of its order in the same round trip: the processor's first
 * read of each is served from here (null: nothing recorded yet).
 */
export interface SideEffectStartReads {
  document: OrderDocument | null
  invoice: AllocatedInvoiceRow | null
}

/** What a queue job finds when it starts: run, or stop because its side-effect job completed, was discarded or is missing. */
export type SideEffectStart =
  | { state: "run"; reads?: SideEffectStartReads }
  | { state: "completed"; result: unknown }
  | { state: "missing" }
  | { state: "discarded" }

/**
 * What the job runner writes about a side-effect job: its start, then its outcome. `subject` is
 * "" (the default) for the order's own side effect, a credit note's id for its.
 */
export interface SideEffectJobProgress {
  markSideEffectActive(
    orderId: string,
    kind: SideEffectKind,
    attempt: number,
    opts?: { resumedAfterStall?: boolean; subject?: string }
  ): Promise<SideEffectStart>
  markSideEffectCompleted(orderId: string, kind: SideEffectKind, result: unknown, subject?: string): Promise<void>
  markSideEffectFailed(orderId: string, kind: SideEffectKind, failure: AttemptFailure, subject?: string): Promise<void>
  /** the attempt found what it needs not ready: `queued` again until `waitMs` passed, the attempt not counted */
  markSideEffectWaiting(
    orderId: string,
    kind: SideEffectKind,
    wait: { attempt: number; waitMs: number },
    subject?: string
  ): Promise<void>
}
