export * from "./order-action-input"
export * from "./resend-order-mail"
export * from "./resync-order-erp"
export * from "./steps"
