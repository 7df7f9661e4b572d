/** The 27 EU member states, ISO 3166-1 alpha-2. */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
])

export function isEuMemberState(countryCode: string | null | undefined): boolean {
  return Boolean(countryCode) && EU_MEMBER_STATES.has(countryCode!.toUpperCase())
}

/** The prefix of a country's VAT IDs: its ISO code, except Greece's "EL". */
export function vatIdPrefixOf(countryCode: string): string {
  const code = countryCode.toUpperCase()
  return code === "GR" ? "EL" : code
}
