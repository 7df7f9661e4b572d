import { redactEmailAddresses } from "./redact-email-addresses"

/**
 * What a remote server said, made fit to store and log: e-mail addresses redacted, control
 * characters and runs of white space folded, at most `maxChars` (≤ 3 bytes each in UTF-8).
 */
export function quoteRemoteText(text: string, maxChars: number): string {
  // eslint-disable-next-line no-control-regex
  const folded = redactEmailAddresses(text).replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim()
  if (folded.length <= maxChars) {
    return folded
  }
  // do not cut a surrogate pair in two
  const end = /[\ud800-\udbff]/.test(folded[maxChars - 2] ?? "") ? maxChars - 2 : maxChars - 1
  return `${folded.slice(0, end)}…`
}
