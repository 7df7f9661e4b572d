/**
 * The File module did not hand over a stored file (stream opened, first byte read) in time: the
 * storage is slow or unreachable. Answered as 504; nothing of the file was sent.
 */
export class FileOpenTimeoutError extends Error {
  // shaped as an http-errors error, so Medusa's error handler answers its status
  readonly status = 504
  readonly statusCode = 504
  readonly expose = false

  constructor(what: string, timeoutMs: number) {
    super(`Opening ${what} took longer than ${timeoutMs} ms`)
    this.name = "FileOpenTimeoutError"
  }
}
