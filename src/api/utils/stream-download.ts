import type { Readable, Writable } from "stream"
import { pipeline } from "stream/promises"
import { FileOpenTimeoutError } from "../../modules/async-fulfilment/errors/file-open-timeout-error"

/** How long a download may wait for the storage to open the file and give its first byte. */
export const FILE_OPEN_TIMEOUT_MS = 10_000

/** Resolves when the stream has data (or ends), rejects when it fails before that. */
function firstReadable(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off("readable", onReadable)
      stream.off("error", onError)
      error ? reject(error) : resolve()
    }
    const onReadable = () => done()
    const onError = (error: Error) => done(error)
    stream.once("readable", onReadable)
    stream.once("error", onError)
  })
}

/**
 * Opens a stored file and waits for its first byte, within `timeoutMs`: a file that cannot be
 * read fails before any header is sent. A stream that arrives after the timeout is destroyed,
 * so a late S3 response does not keep its socket.
 */
export async function openDownload(
  open: () => Promise<Readable>,
  what: string,
  timeoutMs = FILE_OPEN_TIMEOUT_MS
): Promise<Readable> {
  let timedOut = false
  let opened: Readable | undefined
  let timer: NodeJS.Timeout | undefined
  const opening = (async () => {
    opened = await open()
    if (timedOut) {
      opened.destroy()
      return opened
    }
    try {
      await firstReadable(opened)
    } catch (error) {
      opened.destroy()
      throw error
    }
    return opened
  })()
  opening.catch(() => undefined)
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      opened?.destroy()
      reject(new FileOpenTimeoutError(what, timeoutMs))
    }, timeoutMs)
  })
  try {
    return await Promise.race([opening, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Sends the opened file to the response. `pipeline` destroys the source when the client goes
 * away (or the source fails), which `pipe` does not: an aborted download would otherwise keep
 * the file handle or the storage's socket open.
 */
export async function sendDownload(source: Readable, res: Writable): Promise<void> {
  await pipeline(source, res).catch(() => {
    // the client aborted or the storage failed mid-file: both streams are destroyed, the response cut short
  })
}
