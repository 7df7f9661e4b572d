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
