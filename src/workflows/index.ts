export * from "./schedule-order-side-effects"
export * from "./steps"
