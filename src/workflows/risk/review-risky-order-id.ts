/**
 * Apart from the workflow: the steps that start it and hand it the decision address it through
 * the workflow engine by this id, and a step never imports a workflow.
 */
export const reviewRiskyOrderWorkflowId = "review-risky-order"
