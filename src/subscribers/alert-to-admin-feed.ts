import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ALERT_RAISED_EVENT, type AlertRaisedEventData } from "../modules/async-fulfilment/alerts/alert-event"
import { postAlertToAdminFeedWorkflow } from "../workflows"

/** Each alert of the plugin also lands in the Admin's notification feed, when the store has one. */
export default async function postAlertToAdminFeed({ event, container }: SubscriberArgs<AlertRaisedEventData>) {
  const alert = event.data
  if (!alert || typeof alert.title !== "string" || typeof alert.kind !== "string" || typeof alert.first_at !== "string") {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`[async-fulfilment] ignored a malformed ${ALERT_RAISED_EVENT} event`)
    return
  }
  await postAlertToAdminFeedWorkflow(container).run({ input: alert })
}

export const config: SubscriberConfig = {
  event: ALERT_RAISED_EVENT,
  context: { subscriberId: "async-fulfilment-alert-to-admin-feed" },
}
