import { isIsoCountryCode } from "./iso-country-codes"

/** The shape of VAT IDs (VIES formats) of the EU member states and Northern Ireland, prefix included. */
const EU_VAT_ID_SHAPES: Record<string, { pattern: RegExp; shape: string }> = {
  AT: { pattern: /^ATU\d{8}$/, shape: "ATU + 8 digits" },
  BE: { pattern: /^BE[01]\d{9}$/, shape: "BE + 10 digits starting with 0 or 1" },
  BG: { pattern: /^BG\d{9,10}$/, shape: "BG + 9 or 10 digits" },
  CY: { pattern: /^CY\d{8}[A-Z]$/, shape: "CY + 8 digits + a letter" },
  CZ: { pattern: /^CZ\d{8,10}$/, shape: "CZ + 8 to 10 digits" },
  DE: { pattern: /^DE\d{9}$/, shape: "DE + 9 digits" },
  DK: { pattern: /^DK\d{8}$/, shape: "DK + 8 digits" },
  EE: { pattern: /^EE\d{9}$/, shape: "EE + 9 digits" },
  EL: { pattern: /^EL\d{9}$/, shape: "EL + 9 digits" },
  ES: { pattern: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/, shape: "ES + 9 characters (letter or digit, 7 digits, letter or digit)" },
  FI: { pattern: /^FI\d{8}$/, shape: "FI + 8 digits" },
  FR: { pattern: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/, shape: "FR + 2 check characters + 9 digits (SIREN)" },
  HR: { pattern: /^HR\d{11}$/, shape: "HR + 11 digits" },
  HU: { pattern: /^HU\d{8}$/, shape: "HU + 8 digits" },
  IE: { pattern: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, shape: "IE + 8 or 9 characters (e.g. IE6388047V)" },
  IT: { pattern: /^IT\d{11}$/, shape: "IT + 11 digits" },
  LT: { pattern: /^LT(\d{9}|\d{12})$/, shape: "LT + 9 or 12 digits" },
  LU: { pattern: /^LU\d{8}$/, shape: "LU + 8 digits" },
  LV: { pattern: /^LV\d{11}$/, shape: "LV + 11 digits" },
  MT: { pattern: /^MT\d{8}$/, shape: "MT + 8 digits" },
  NL: { pattern: /^NL\d{9}B\d{2}$/, shape: "NL + 9 digits + B + 2 digits" },
  PL: { pattern: /^PL\d{10}$/, shape: "PL + 10 digits (the NIP)" },
  PT: { pattern: /^PT\d{9}$/, shape: "PT + 9 digits" },
  RO: { pattern: /^RO\d{2,10}$/, shape: "RO + 2 to 10 digits" },
  SE: { pattern: /^SE\d{10}01$/, shape: "SE + 10 digits + 01" },
  SI: { pattern: /^SI\d{8}$/, shape: "SI + 8 digits" },
  SK: { pattern: /^SK\d{10}$/, shape: "SK + 10 digits" },
  XI: { pattern: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, shape: "XI + 9 or 12 digits" },
}

/** "pl 525-000-00-00" → "PL5250000000". */
export function compactVatId(vatId: string): string {
  return vatId.replace(/[\s.\-]/g, "").toUpperCase()
}

/**
 * Why a (compacted) VAT ID cannot be right, or null when it has the shape of its country's:
 * EU prefixes are checked against the member state's format, other prefixes must be a country code.
 */
export function vatIdShapeProblem(vatId: string): string | null {
  const prefix = vatId.slice(0, 2)
  if (!/^[A-Z]{2}/.test(vatId)) {
    return "must start with its country prefix, e.g. PL5250000000 or DE123456789"
  }
  if (prefix === "GR") {
    return "Greek VAT IDs start with EL, not GR"
  }
  const eu = EU_VAT_ID_SHAPES[prefix]
  if (eu) {
    return eu.pattern.test(vatId) ? null : `${prefix} VAT IDs are ${eu.shape}, got ${vatId}`
  }
  if (!isIsoCountryCode(prefix)) {
    return `${prefix} is not an ISO 3166-1 country code (VAT IDs start with their country's code)`
  }
  return /^[A-Z]{2}[A-Z0-9]{2,15}$/.test(vatId) ? null : `must be the country prefix and 2 to 15 letters or digits, got ${vatId}`
}
