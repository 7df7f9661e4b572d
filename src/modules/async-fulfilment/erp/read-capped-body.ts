export interface CappedBody {
  /** the body as UTF-8 text, or its first `maxBytes` when it was longer */
  text: string
  /** the body went on past `maxBytes`: the rest was not read and the download was cancelled */
  truncated: boolean
}

/**
 * Reads a fetch response's body up to `maxBytes` and cancels the download beyond it, so a
 * misbehaving server cannot make the worker buffer whatever it sends until the timeout.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  if (!response.body) {
    return { text: "", truncated: false }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        break
      }
      const room = maxBytes - size
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room))
        size = maxBytes
        truncated = true
        break
      }
      chunks.push(value)
      size += value.byteLength
    }
  } finally {
    if (truncated) {
      // closes the connection; the rest of the body is never downloaded
      await reader.cancel().catch(() => undefined)
    }
    reader.releaseLock()
  }
  // a multi-byte character cut at the limit decodes to U+FFFD: harmless in an excerpt
  return { text: Buffer.concat(chunks).toString("utf8"), truncated }
}
