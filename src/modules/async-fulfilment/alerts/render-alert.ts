import type { AlertBatch } from "./alert-batch"

/** One line a person reads in Slack or a mail subject: what, how many, since when. */
export function alertHeadline(batch: AlertBatch): string {
  const parts: string[] = []
  if (batch.failed) {
    parts.push(`${batch.failed} ${batch.kind} job${batch.failed === 1 ? "" : "s"} failed for good`)
  }
  if (batch.waiting_checks && batch.oldest_waiting_seconds !== null) {
    parts.push(`the oldest waiting ${batch.kind} job has waited ${batch.oldest_waiting_seconds} s (${batch.waiting ?? "?"} waiting)`)
  }
  return `async-fulfilment: ${parts.join("; ")}`
}

/** The Slack-compatible `text`: the headline, then the orders and the last error. */
export function alertText(batch: AlertBatch): string {
  const lines = [`:rotating_light: ${alertHeadline(batch)}`, `between ${batch.first_at} and ${batch.last_at}`]
  if (batch.order_ids.length) {
    const more = batch.failed > batch.order_ids.length ? ` and ${batch.failed - batch.order_ids.length} more` : ""
    lines.push(`orders: ${batch.order_ids.join(", ")}${more}`)
  }
  if (batch.last_error) {
    lines.push(`last error: ${batch.last_error}`)
  }
  lines.push("Admin → Async fulfilment lists them and retries them.")
  return lines.join("\n")
}

/** The webhook's JSON body: `text` for Slack and compatible chats, `alert` for anything that parses it. */
export function alertWebhookBody(batch: AlertBatch): { text: string; alert: AlertBatch & { source: string } } {
  return { text: alertText(batch), alert: { source: "medusa-plugin-async-fulfilment", ...batch } }
}
