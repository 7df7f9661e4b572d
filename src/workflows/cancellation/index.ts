export * from "./cancel-order-side-effects"
export * from "./steps"
