/**
 * A failure no retry can fix (bad order data, an ERP 4xx, a mailbox that does not exist): the
 * base class of every permanent error, so the retry policy knows them by one test; the queue
 * job goes straight to BullMQ's failed set with this message.
 */
export class PermanentSideEffectError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "PermanentSideEffectError"
  }
}
