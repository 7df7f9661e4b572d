/** Dates and durations as the admin shows them, in the browser's locale. */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "–"

export function formatAge(ms: number | null): string {
  if (ms === null) return "–"
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 360) / 10} h`
}

export const orderLabel = (job: { order_id: string; order_display_id: number | null }) =>
  job.order_display_id !== null ? `#${job.order_display_id}` : job.order_id

/** An amount in its currency's major unit, e.g. "PLN 12,500.00" in the browser's locale. */
export function formatAmount(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}` // not an ISO 4217 code Intl knows
  }
}
