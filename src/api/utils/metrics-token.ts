import { createHash, timingSafeEqual } from "crypto"

export type MetricsAccess = "granted" | "refused" | "disabled"

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest()

/**
 * Whether an `Authorization` header carries the metrics token. Both sides are hashed first, so
 * the comparison takes the same time whatever the length or the first wrong character of a
 * guess. `disabled` when the store configured no token.
 */
export function checkMetricsAccess(authorization: string | undefined, token: string | undefined): MetricsAccess {
  if (!token) {
    return "disabled"
  }
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? "")
  const presented = match?.[1] ?? ""
  // compared even when the header is malformed: no early answer that a timer could tell apart
  const equal = timingSafeEqual(digest(presented), digest(token))
  return equal && match ? "granted" : "refused"
}
