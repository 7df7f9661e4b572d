import type { AlertBatch } from "./alert-batch"
import { alertHeadline, alertText } from "./render-alert"

/** Emitted on Medusa's event bus for every alert; the plugin's subscriber posts it to the Admin's notification feed. */
export const ALERT_RAISED_EVENT = "async-fulfilment.alert.raised"

export interface AlertRaisedEventData extends AlertBatch {
  /** the alert's one line, as the mail's subject */
  title: string
  /** the alert's text, as the webhook's */
  description: string
}

export const alertRaisedEventData = (batch: AlertBatch): AlertRaisedEventData => ({
  ...batch,
  title: alertHeadline(batch),
  description: alertText(batch),
})
