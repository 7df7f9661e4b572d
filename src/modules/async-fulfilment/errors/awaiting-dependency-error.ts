import type { SideEffectKind } from "../types/side-effect"

/**
 * Not a failure: what this job needs is not ready yet (the ERP document waits for the order's
 * invoice to be issued). The job runner puts the queue job back, delayed, without using an attempt.
 */
export class AwaitingDependencyError extends Error {
  readonly awaiting: SideEffectKind
  /** when to look again */
  readonly retryInMs: number
  /**
   * Looks again once the job is back in the delayed set: what it waits for may have become ready
   * (and sent its wake) while the job was still active, when the wake could not reach it.
   */
  readonly readyNow?: () => Promise<boolean>

  constructor(awaiting: SideEffectKind, retryInMs: number, reason: string, readyNow?: () => Promise<boolean>) {
    super(reason)
    this.name = "AwaitingDependencyError"
    this.awaiting = awaiting
    this.retryInMs = retryInMs
    this.readyNow = readyNow
  }
}
