export * from "./steps"
export * from "./audit-entries-per-order"
