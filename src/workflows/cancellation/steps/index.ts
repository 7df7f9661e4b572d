export * from "./issue-cancellation-credit-note"
export * from "./record-order-canceled-notice"
export * from "./settle-canceled-order"
