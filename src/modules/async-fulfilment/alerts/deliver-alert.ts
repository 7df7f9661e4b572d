import type { MailSender } from "../mail/send-invoice-mail"
import { redactEmailAddresses } from "../redact/redact-email-addresses"
import type { AlertBatch } from "./alert-batch"
import { alertHeadline, alertText, alertWebhookBody } from "./render-alert"

export type AlertChannel = "webhook" | "mail" | "admin_feed"

export interface AlertDestinations {
  webhookUrl?: string
  mailTo?: string[]
  mailFrom?: string
  mailer: MailSender | null
  timeoutMs?: number
  /** hands the alert to the store (Medusa's event bus), whose subscriber posts it to the Admin's notification feed */
  announce?: (batch: AlertBatch) => Promise<void>
}

/** POSTs the alert; anything but a 2xx throws, so the alert job retries it. */
export async function postAlertWebhook(url: string, batch: AlertBatch, timeoutMs = 10_000): Promise<void> {
  let status: number
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "medusa-plugin-async-fulfilment" },
      body: JSON.stringify(alertWebhookBody(batch)),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = response.status
    await response.body?.cancel()
  } catch (error) {
    // not the raw error: undici's message may quote the URL, and a webhook URL is a secret
    const code = (error as { cause?: { code?: string }; name?: string })?.cause?.code ?? (error as Error)?.name ?? "error"
    throw new Error(`alert webhook unreachable (${code})`)
  }
  if (status < 200 || status >= 300) {
    throw new Error(`alert webhook answered HTTP ${status}`)
  }
}

export async function mailAlert(mailer: MailSender, from: string, to: string[], batch: AlertBatch): Promise<void> {
  await mailer.sendMail({ from, to, subject: alertHeadline(batch), text: alertText(batch) })
}

/**
 * Sends the alert to each destination not yet reached: `delivered` holds those a previous attempt
 * reached, `onDelivered` records each as it succeeds, so a retry never posts or mails twice.
 */
export async function deliverAlert(
  batch: AlertBatch,
  to: AlertDestinations,
  delivered: AlertChannel[],
  onDelivered: (channel: AlertChannel) => Promise<void>
): Promise<void> {
  const failures: string[] = []
  if (to.webhookUrl && !delivered.includes("webhook")) {
    try {
      await postAlertWebhook(to.webhookUrl, batch, to.timeoutMs)
      await onDelivered("webhook")
    } catch (error) {
      failures.push((error as Error).message)
    }
  }
  if (to.mailTo?.length && to.mailer && to.mailFrom && !delivered.includes("mail")) {
    try {
      await mailAlert(to.mailer, to.mailFrom, to.mailTo, batch)
      await onDelivered("mail")
    } catch (error) {
      failures.push(`alert mail not sent: ${redactEmailAddresses((error as Error).message)}`)
    }
  }
  if (to.announce && !delivered.includes("admin_feed")) {
    try {
      await to.announce(batch)
      await onDelivered("admin_feed")
    } catch (error) {
      failures.push(`alert not handed to the admin feed: ${(error as Error).message}`)
    }
  }
  if (failures.length) {
    throw new Error(failures.join("; "))
  }
}
