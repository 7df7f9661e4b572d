export * from "./record-order-action-jobs"
