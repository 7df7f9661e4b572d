/**
 * The calendar date, in UTC, of an ISO 8601 instant: "2026-11-20T23:30:00-02:00" → "2026-11-21".
 * Invoices are dated in UTC: the options name no time zone, and UTC keeps re-renders identical.
 */
export function isoDateOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10)
}

/** "2026-11-20" + 14 → "2026-12-04". */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** A valid instant, as a normalised ISO 8601 string, or null. */
export function normalizeInstant(instant: unknown): string | null {
  if (typeof instant !== "string" && !(instant instanceof Date)) {
    return null
  }
  const date = new Date(instant)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
