/**
 * The File module did not hand over a stored file (stream opened, first byte read) in time: the
 * storage is slow or unreachable. Answered as 504; nothing of the file was sent.
 */
export class FileOpenTimeoutError extends Error {
  /** read by Medusa's error handler */
  readonly statusCode = 504

  constructor(what: string, timeoutMs: number) {
    super(`Opening ${what} took longer than ${timeoutMs} ms`)
    this.name = "FileOpenTimeoutError"
  }
}
