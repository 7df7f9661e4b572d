export * from "./credit-payment-refunds"
export * from "./credit-received-return"
export * from "./steps"
