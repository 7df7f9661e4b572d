import { z } from "@medusajs/framework/zod"
import { isLoopbackHost } from "./is-loopback-host"

/** http:// only to a loopback host: an alert names order ids and the store's failures. */
function isHttpsOrLoopback(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))
  } catch {
    return false
  }
}

const mailAddress = z.string().regex(/^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/, "must be an e-mail address (name@domain)")

/**
 * `alerts`: tells a person when a side effect failed for good (after its last attempt) or a kind's
 * oldest waiting queue job is older than `oldestWaitingSeconds`. One alert per kind per
 * `minIntervalSeconds` at most, counting what it folds in; it is a queue job of its own, retried.
 */
export const alertsOptionsSchema = z
  .object({
    /** POSTs `{ text, alert }` (Slack-compatible `text`) here; https://, or http:// to a loopback host */
    webhookUrl: z.string().refine(isHttpsOrLoopback, "must be an https:// URL (http:// only to a loopback host)").optional(),
    /** mails the alert to these addresses through the plugin's `smtp` */
    mailTo: z.union([mailAddress, z.array(mailAddress).min(1)]).transform((to) => (Array.isArray(to) ? to : [to])).optional(),
    /** alert when a kind's oldest waiting queue job waited longer than this (unset: no such alert) */
    oldestWaitingSeconds: z.number().int().min(10).max(7 * 86_400).optional(),
    /** at most one alert per kind in this many seconds; what happens meanwhile is counted into the next */
    minIntervalSeconds: z.number().int().min(1).max(7 * 86_400).default(600),
    /** the first alert of a quiet period waits this long for more of the same (a burst is one alert) */
    groupWaitSeconds: z.number().int().min(0).max(3_600).default(30),
  })
  .strict()
  .refine((alerts) => alerts.webhookUrl || alerts.mailTo, {
    message: "needs webhookUrl or mailTo (or both): an alert nobody receives is none",
  })
  /** without it no alert is sent; failures still show in the Admin page and the metrics */
  .optional()

export type AlertsOptions = NonNullable<z.output<typeof alertsOptionsSchema>>
