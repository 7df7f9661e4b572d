const CALENDAR_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/

export interface ParsedIsoDate {
  instant: Date
  /** YYYY-MM-DD */
  calendarDate: string
}

/**
 * Parses an ISO 8601 timestamp. The calendar date is the one written in the string, in the
 * offset it was written with ("2024-03-01T00:30:00+01:00" → 2024-03-01), so an invoice issued
 * just after midnight in Warsaw does not carry the previous day's date; strings without a
 * leading date fall back to the UTC date.
 */
export function parseIsoDate(value: string, what: string): ParsedIsoDate {
  const instant = typeof value === "string" ? new Date(value) : new Date(NaN)
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`${what} is not a valid ISO 8601 date: ${JSON.stringify(value)}`)
  }
  const prefix = CALENDAR_DATE_PREFIX.exec(value.trim())
  return { instant, calendarDate: prefix ? prefix[1] : instant.toISOString().slice(0, 10) }
}
