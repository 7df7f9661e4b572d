/** "pl61 1090 1014 …" → "PL611090…": the IBAN as banks and EN 16931 (BT-84) write it electronically. */
export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase()
}

/** ISO 13616: two letters, two check digits, 11–30 letters or digits, and mod 97 of the rearranged number is 1. */
export function isValidIban(iban: string): boolean {
  const compact = normalizeIban(iban)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
    return false
  }
  const rearranged = compact.slice(4) + compact.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const digit of digits) {
      remainder = (remainder * 10 + Number(digit)) % 97
    }
  }
  return remainder === 1
}
