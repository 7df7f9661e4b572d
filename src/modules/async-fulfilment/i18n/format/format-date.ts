export type DateStyle = "short" | "medium" | "long"

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const formatterCache = new Map<string, Intl.DateTimeFormat>()

function dateFormatter(locale: string, dateStyle: DateStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}\u0000${dateStyle}\u0000${timeZone}`
  let formatter = formatterCache.get(key)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle, timeZone })
    } catch (error) {
      throw new Error(
        `Cannot format dates for locale ${JSON.stringify(locale)} in time zone ${JSON.stringify(timeZone)}: ${(error as Error).message}`
      )
    }
    formatterCache.set(key, formatter)
  }
  return formatter
}

/**
 * A calendar date of the invoice ("2025-03-14", no time, no zone) as the locale writes it:
 * "March 14, 2025" (en), "14 marca 2025" (pl), "14. März 2025" (de), "14 mars 2025" (fr).
 */
export function formatCalendarDate(date: string, locale: string, style: DateStyle = "long"): string {
  const parts = typeof date === "string" ? CALENDAR_DATE.exec(date) : null
  const utc = parts ? Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : NaN
  // Date.UTC rolls 2025-02-30 over to March; a date that does not round-trip is not a date.
  if (!parts || Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== date) {
    throw new Error(`Cannot format the date ${JSON.stringify(date)}: expected a calendar date YYYY-MM-DD`)
  }
  return dateFormatter(locale, style, "UTC").format(utc)
}

/** The day of an instant (ISO 8601) in a time zone, e.g. the day an order was placed. */
export function formatInstantDate(
  instant: string,
  locale: string,
  { style = "long", timeZone = "UTC" }: { style?: DateStyle; timeZone?: string } = {}
): string {
  const time = typeof instant === "string" ? new Date(instant).getTime() : NaN
  if (Number.isNaN(time)) {
    throw new Error(`Cannot format the date ${JSON.stringify(instant)}: not an ISO 8601 timestamp`)
  }
  return dateFormatter(locale, style, timeZone).format(time)
}
