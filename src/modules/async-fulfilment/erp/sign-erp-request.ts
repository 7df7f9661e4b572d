import { createHmac, timingSafeEqual } from "node:crypto"

export const ERP_SIGNATURE_HEADER = "x-async-fulfilment-signature"
export const ERP_IDEMPOTENCY_HEADER = "idempotency-key"

const DEFAULT_TOLERANCE_SECONDS = 300

/** Hex HMAC-SHA256 of `${timestamp}.${body}`; the timestamp is signed so it cannot be replaced. */
function computeSignature(body: string, secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")
}

/** Signature header value for a body, `t=<unix seconds>,v1=<hex hmac>`. */
export function signErpBody(
  body: string,
  secret: string,
  timestamp: number
): { header: string } {
  const ts = Math.floor(timestamp)
  return { header: `t=${ts},v1=${computeSignature(body, secret, ts)}` }
}

/**
 * Checks a signature header the way the ERP side should: the HMAC must match
 * (constant time) and the timestamp must be within `toleranceSeconds` of `now`
 * (unix seconds), so a captured request cannot be replayed later.
 */
export function verifyErpSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  opts: { toleranceSeconds?: number; now?: number } = {}
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

  const expected = Buffer.from(computeSignature(body, secret, parsed.timestamp), "hex")
  // Several v1 entries let the sender sign with an old and a new secret while rotating.
  return parsed.signatures.some((candidate) => {
    const received = Buffer.from(candidate, "hex")
    return received.length === expected.length && timingSafeEqual(received, expected)
  })
}

function parseSignatureHeader(
  header: string | null | undefined
): { timestamp: number; signatures: string[] } | null {
  if (!header) {
    return null
  }
  let timestamp: number | null = null
  const signatures: string[] = []

  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2)
    if (key === "t" && value && /^\d+$/.test(value)) {
      timestamp = Number(value)
    } else if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(value)
    }
  }

  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures }
}
