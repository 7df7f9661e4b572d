export * from "./enqueue-order-side-effects"
export * from "./record-order-side-effects"
