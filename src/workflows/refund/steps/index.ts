export * from "./load-payment-refunds"
export * from "./load-received-return"
export * from "./record-credit-requests"
