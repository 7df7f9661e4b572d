import { createHmac, timingSafeEqual } from "node:crypto"

export const ERP_SIGNATURE_HEADER = "x-async-fulfilment-signature"
export const ERP_IDEMPOTENCY_HEADER = "idempotency-key"

const DEFAULT_TOLERANCE_SECONDS = 300
const HEX_SHA256 = /^[0-9a-f]{64}$/i

/** v1: hex HMAC-SHA256 of `${timestamp}.${body}`; the timestamp is signed so it cannot be replaced. */
function computeV1(body: string, secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")
}

/**
 * v2: hex HMAC-SHA256 of `${timestamp}.${idempotencyKey}.${body}`. Signing the key too means a
 * captured request cannot be replayed under a new Idempotency-Key within the tolerance.
 */
function computeV2(body: string, secret: string, timestamp: number, idempotencyKey: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${idempotencyKey}.${body}`, "utf8").digest("hex")
}

/**
 * Signature header value for a body: `t=<unix seconds>,v1=<hex>,v2=<hex>` when given the request's
 * Idempotency-Key, `t=…,v1=…` without. v1 is deprecated: it stays beside v2 for one minor version,
 * so receivers can move to v2 first.
 */
export function signErpBody(
  body: string,
  secret: string,
  timestamp: number,
  idempotencyKey?: string
): { header: string } {
  const ts = Math.floor(timestamp)
  const v1 = `t=${ts},v1=${computeV1(body, secret, ts)}`
  return { header: idempotencyKey === undefined ? v1 : `${v1},v2=${computeV2(body, secret, ts, idempotencyKey)}` }
}

export interface VerifyErpSignatureOptions {
  /** default 300 */
  toleranceSeconds?: number
  /** unix seconds, default the clock */
  now?: number
  /**
   * The request's `Idempotency-Key` header. Given: only a matching v2 counts, so a replay under
   * another key fails. Absent: the deprecated v1 check (body and time only).
   */
  idempotencyKey?: string | null
}

/**
 * Checks a signature header the way the ERP side should: the HMAC must match (constant time,
 * after a length check, so a malformed entry is `false` and never a throw) and the timestamp must
 * be within `toleranceSeconds` of `now`, so a captured request cannot be replayed later.
 */
export function verifyErpSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  opts: VerifyErpSignatureOptions = {}
): boolean {
  const parsed = parseSignatureHeader(header)
  if (!parsed) {
    return false
  }

  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  const now = opts.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - parsed.timestamp) > tolerance) {
    return false
  }

  const withKey = opts.idempotencyKey !== undefined
  if (withKey && typeof opts.idempotencyKey !== "string") {
    return false
  }
  const expected = Buffer.from(
    withKey
      ? computeV2(body, secret, parsed.timestamp, opts.idempotencyKey as string)
      : computeV1(body, secret, parsed.timestamp),
    "hex"
  )
  // Several entries of a version let the sender sign with an old and a new secret while rotating.
  return (withKey ? parsed.v2 : parsed.v1).some((candidate) => {
    const received = Buffer.from(candidate, "hex")
    return received.length === expected.length && timingSafeEqual(received, expected)
  })
}

function parseSignatureHeader(
  header: string | null | undefined
): { timestamp: number; v1: string[]; v2: string[] } | null {
  if (!header) {
    return null
  }
  let timestamp: number | null = null
  const v1: string[] = []
  const v2: string[] = []

  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2)
    if (key === "t" && value && /^\d+$/.test(value)) {
      timestamp = Number(value)
    } else if (key === "v1" && value && HEX_SHA256.test(value)) {
      v1.push(value)
    } else if (key === "v2" && value && HEX_SHA256.test(value)) {
      v2.push(value)
    }
  }

  return timestamp === null || v1.length + v2.length === 0 ? null : { timestamp, v1, v2 }
}
