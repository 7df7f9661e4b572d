import { randomBytes } from "crypto"

/** Crockford's base 32, the ULID alphabet. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const TIME_CHARS = 10
const RANDOM_BYTES = 10
/** random bytes drawn from the CSPRNG at a time: one call serves this many ids */
const POOL_IDS = 256

let pool = Buffer.alloc(0)
let poolOffset = 0

function nextRandomBytes(): Buffer {
  if (poolOffset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(RANDOM_BYTES * POOL_IDS)
    poolOffset = 0
  }
  const bytes = pool.subarray(poolOffset, poolOffset + RANDOM_BYTES)
  poolOffset += RANDOM_BYTES
  return bytes
}

/** 48 bits of milliseconds as 10 characters, most significant first. */
function encodeTime(ms: number): string {
  let rest = ms
  let text = ""
  for (let i = 0; i < TIME_CHARS; i++) {
    text = ALPHABET[rest % 32] + text
    rest = Math.floor(rest / 32)
  }
  return text
}

/** 80 bits as 16 characters, 5 bits each. */
function encodeRandom(bytes: Buffer): string {
  let text = ""
  let bits = 0
  let buffered = 0
  for (const byte of bytes) {
    buffered = (buffered << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      text += ALPHABET[(buffered >> bits) & 31]
    }
    buffered &= (1 << bits) - 1
  }
  return text
}

/**
 * A row id as Medusa's `generateEntityId` writes them, `<prefix>_<ULID>` (time-ordered, 80 random
 * bits), for the rows the worker inserts on its hot path: Medusa's draws each of the 16 random
 * characters from the CSPRNG on its own (≈ 90 µs an id here), this takes them from a pool.
 */
export function newRowId(prefix: string, now = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${encodeRandom(nextRandomBytes())}`
}
