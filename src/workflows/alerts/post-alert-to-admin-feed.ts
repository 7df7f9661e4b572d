import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AlertRaisedEventData } from "../../modules/async-fulfilment/alerts/alert-event"
import { postAlertToAdminFeedStep } from "./steps"

export const postAlertToAdminFeedWorkflowId = "post-alert-to-admin-feed"

/** An alert of the plugin (a side effect failed for good, a queue waiting too long) in the Admin's notification feed. */
export const postAlertToAdminFeedWorkflow = createWorkflow(postAlertToAdminFeedWorkflowId, (alert: AlertRaisedEventData) => {
  return new WorkflowResponse(postAlertToAdminFeedStep(alert))
})
