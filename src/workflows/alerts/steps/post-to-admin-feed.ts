import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AlertRaisedEventData } from "../../../modules/async-fulfilment/alerts/alert-event"

export const postAlertToAdminFeedStepId = "post-to-admin-feed"

/** Medusa's notification module says so when no provider serves a channel; then the store has no feed. */
const NO_FEED_PROVIDER = /provider.*channel|channel.*provider/i

export type PostedToAdminFeed = { posted: true; notification_id: string | null } | { posted: false; reason: string }

/**
 * The alert in the Admin's notification feed (the bell), through the store's notification module
 * on its `feed` channel (Medusa's default config serves it locally). A store without that module
 * or channel skips it. One entry per alert: the idempotency key names the alert's kind and start.
 */
export const postAlertToAdminFeedStep = createStep(
  postAlertToAdminFeedStepId,
  async (alert: AlertRaisedEventData, { container }): Promise<StepResponse<PostedToAdminFeed>> => {
    const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, { allowUnregistered: true })
    if (!notifications) {
      return new StepResponse({ posted: false, reason: "the store has no notification module" })
    }
    try {
      const [notification] = await notifications.createNotifications([
        {
          to: "",
          channel: "feed",
          template: "admin-ui",
          data: { title: alert.title, description: alert.description },
          idempotency_key: `async-fulfilment-alert-${alert.kind}-${alert.first_at}`,
        },
      ])
      return new StepResponse({ posted: true, notification_id: notification?.id ?? null })
    } catch (error) {
      const message = (error as Error).message
      if (!NO_FEED_PROVIDER.test(message)) {
        throw error
      }
      container.resolve(ContainerRegistrationKeys.LOGGER).debug(`[async-fulfilment] alert not posted to the admin feed: ${message}`)
      return new StepResponse({ posted: false, reason: message })
    }
  }
)
