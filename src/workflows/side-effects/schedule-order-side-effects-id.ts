/**
 * Apart from the workflow: the reconcile sweep runs it for each lost order through the workflow
 * engine by this id, and a step never imports a workflow.
 */
export const scheduleOrderSideEffectsWorkflowId = "schedule-order-side-effects"
