import type { SideEffectKind } from "../types/side-effect"

/**
 * Not a failure: what this job needs is not ready yet (the ERP document waits for the order's
 * invoice to be issued). The job runner puts the queue job back, delayed, without using an attempt.
 */
export class AwaitingDependencyError extends Error {
  readonly awaiting: SideEffectKind
  /** when to look again */
  readonly retryInMs: number

  constructor(awaiting: SideEffectKind, retryInMs: number, reason: string) {
    super(reason)
    this.name = "AwaitingDependencyError"
    this.awaiting = awaiting
    this.retryInMs = retryInMs
  }
}
